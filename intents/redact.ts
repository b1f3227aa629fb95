// Masks personal data and secrets before a message is stored or logged. URLs and employer codes are
// kept: they are not personal and support staff need them.
import { findSensitive, type SensitiveKind } from './sensitive';

const MASK: Partial<Record<SensitiveKind, string>> = {
  email: '[EMAIL]',
  mykad: '[MYKAD]',
  phone: '[PHONE]',
  account: '[ACCOUNT]',
  password: '[PASSWORD]',
  secret: '[SECRET]',
};

export function redact(text: string): string {
  if (typeof text !== 'string' || !text) return text;
  let out = '';
  let at = 0;
  for (const s of findSensitive(text)) {
    const mask = MASK[s.kind];
    if (!mask) continue;
    out += text.slice(at, s.start) + mask;
    at = s.end;
  }
  return out + text.slice(at);
}
