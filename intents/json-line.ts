// One line of `hanna classify --jsonl`: {"text"} in, {"text","intent","confidence","lang"} out, never a throw.
import type { Understander } from './types';

export function classifyJsonLine(u: Understander, input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { error: 'expected a JSON object with a "text" string' };
  const text = (input as Record<string, unknown>).text;
  if (typeof text !== 'string') return { error: 'missing "text" (a string)' };
  try {
    const c = u.classify(text);
    return { text, intent: c.intent, confidence: Math.round(c.confidence * 1000) / 1000, lang: c.lang };
  } catch (e) {
    return { error: `could not classify: ${(e as Error).message}` };
  }
}
