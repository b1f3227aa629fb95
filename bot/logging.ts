// Structured JSON logs (pino), one line per event. Every record passes through scrub() here,
// the single choke point: secret fields are censored by name and every string, wherever it
// sits (an error message can quote what a visitor typed), goes through intents' redact().
import pino from 'pino';
import { redact } from '../intents';

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LEVELS: readonly Level[] = ['debug', 'info', 'warn', 'error', 'silent'];

export interface Logger {
  debug(fields: Record<string, unknown>, msg?: string): void;
  info(fields: Record<string, unknown>, msg?: string): void;
  warn(fields: Record<string, unknown>, msg?: string): void;
  error(fields: Record<string, unknown>, msg?: string): void;
}

/** Field names whose value is never logged, at any depth. */
const SECRET_KEY = /pass(word|wd)?$|secret|token|authori[sz]ation|cookie|api[-_]?key|credential|^pin$/i;
/** JWTs and similar bearer credentials that may appear without a keyword in front. */
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
const CENSORED = '[REDACTED]';
const MAX_DEPTH = 6;
const MAX_STRING = 4000;
const MAX_ITEMS = 50;

export function scrubString(s: string): string {
  const short = s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}…[${s.length - MAX_STRING} more chars]` : s;
  return redact(short).replace(JWT, '[TOKEN]');
}

/** A copy of `value` that is safe to log: plain JSON, secrets censored, strings redacted. */
export function scrub(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  seen.add(value);
  if (value instanceof Error) {
    const out: Record<string, unknown> = { type: value.name, message: scrubString(value.message) };
    if (value.stack) out.stack = scrubString(value.stack);
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out.code = scrub(code, depth + 1, seen);
    return out;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => scrub(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, MAX_ITEMS)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && v !== '' ? CENSORED : scrub(v, depth + 1, seen);
  }
  return out;
}

/**
 * `write` receives one JSON line (without the newline) per record; by default lines go to
 * stderr synchronously, so a kill -9 loses none that were logged.
 */
export function createLogger(level: string, write?: (line: string) => void): Logger {
  const lvl: Level = (LEVELS as readonly string[]).includes(level) ? (level as Level) : 'info';
  const destination = write
    ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : pino.destination({ dest: 2, sync: true });
  const base = pino(
    {
      level: lvl,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Belt and braces for the best-known places a credential sits; scrub() already censors them.
      redact: { paths: ['headers.authorization', 'req.headers.authorization', 'config.appPassword', 'config.triageToken'], censor: CENSORED },
    },
    destination,
  );
  const emit = (method: Exclude<Level, 'silent'>) => (fields: Record<string, unknown>, msg?: string) => {
    if (!base.isLevelEnabled(method)) return;
    const safe = scrub(fields) as Record<string, unknown>;
    if (msg === undefined) base[method](safe);
    else base[method](safe, scrubString(msg));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = createLogger('silent');

/**
 * The one log line per handled message, the same from every channel; the text only at debug, and
 * then as the transcript keeps it (`loggableText`), so a name given to the officer form is masked too.
 */
export function logTurn(
  log: Logger,
  turn: { conversation: string; channel: string; text: string; started: number },
  meta: { intent: string | null; confidence: number | null; lang: string },
  loggableText?: string,
): void {
  log.debug({ conversation: turn.conversation, text: loggableText ?? turn.text }, 'message');
  log.info(
    { conversation: turn.conversation, channel: turn.channel, intent: meta.intent, confidence: meta.confidence, lang: meta.lang, latencyMs: Date.now() - turn.started },
    'turn',
  );
}
