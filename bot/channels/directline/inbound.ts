// What a Direct Line client may post, reduced to what the bot needs. The sender is always
// the token's user, whatever the client claims, so one visitor cannot speak as another.
import { MESSAGE, type ActivityJson } from '../activities';
import { MAX_VALUE_DEPTH, nestedDeeperThan } from '../json-depth';

export const MAX_TEXT_CHARS = 2000;
const MAX_VALUE_JSON = 4096;

export type Inbound =
  | { kind: 'message'; activity: ActivityJson; text: string; value?: unknown }
  | { kind: 'ignored' }
  | { kind: 'invalid'; message: string };

export function clientChannelData(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  // Web Chat matches its pending bubble to the echo by clientActivityID: keep exactly that.
  const out: Record<string, string> = {};
  for (const k of ['clientActivityID', 'clientTimestamp'] as const) {
    const v = (raw as Record<string, unknown>)[k];
    if (typeof v === 'string' && v.length <= 100) out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function parseInbound(body: unknown, conversationId: string, userId: string): Inbound {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { kind: 'invalid', message: 'The body must be an activity (a JSON object).' };
  const raw = body as Record<string, unknown>;
  if (raw.type !== MESSAGE) return { kind: 'ignored' };
  const text = typeof raw.text === 'string' ? raw.text : '';
  if (text.length > MAX_TEXT_CHARS) return { kind: 'invalid', message: `The message is longer than ${MAX_TEXT_CHARS} characters.` };
  let value: unknown;
  if (raw.value !== undefined) {
    // Measured before JSON.stringify, which a value nested thousands deep would overflow.
    if (nestedDeeperThan(raw.value, MAX_VALUE_DEPTH)) return { kind: 'invalid', message: `The activity value is nested too deeply (at most ${MAX_VALUE_DEPTH} levels).` };
    const json = JSON.stringify(raw.value);
    if (json === undefined || json.length > MAX_VALUE_JSON) return { kind: 'invalid', message: 'The activity value is too large.' };
    value = raw.value;
  }
  if (text.trim() === '' && value === undefined) return { kind: 'invalid', message: 'The message has no text.' };
  const activity: ActivityJson = {
    type: MESSAGE,
    channelId: 'webchat',
    conversation: { id: conversationId },
    from: { id: userId, name: '', role: 'user' },
    text,
    textFormat: 'plain',
  };
  if (value !== undefined) activity.value = value;
  if (typeof raw.locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(raw.locale)) activity.locale = raw.locale;
  const channelData = clientChannelData(raw.channelData);
  if (channelData) activity.channelData = channelData;
  return { kind: 'message', activity, text, value };
}
