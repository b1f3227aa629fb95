// Shared set-up for the escalation tests: the real app on a free port with a fixed clock, a
// real SMTP server on 127.0.0.1, and a little conversation driver.
import net from 'net';
import { SMTPServer } from 'smtp-server';
import { createApp, createCoreDeps, listen, type App, type AppOptions } from '../../bot/app';
import { readConfig } from '../../bot/config';
import type { CoreDeps } from '../../bot/core';
import { silentLogger } from '../../bot/logging';
import { message, post, type ReplyActivity } from '../helpers/bot-server';
import { waitFor as pollUntil } from '../helpers/wait';

let sharedDeps: CoreDeps | null = null;
/** The classifier and knowledge base load once per test file. */
export function deps(): CoreDeps {
  if (!sharedDeps) sharedDeps = createCoreDeps();
  return sharedDeps;
}

/** Thursday 26 Nov 2026, 11:00 in Kuala Lumpur: Careline hours. */
export const IN_HOURS = new Date('2026-11-26T03:00:00Z');
/** Thursday 26 Nov 2026, 20:00 in Kuala Lumpur: the line is closed until Friday 8:00 am. */
export const AFTER_HOURS = new Date('2026-11-26T12:00:00Z');

export interface Bot {
  app: App;
  url: string;
  stop(): Promise<void>;
}

/** The real app on a free port; `options.deps` replaces the shared model (a bot restarted on other training data). */
export async function startApp(env: Record<string, string> = {}, options: Omit<AppOptions, 'log'> = {}): Promise<Bot> {
  const config = readConfig({ STORAGE_URL: 'memory:', PORT: '0', RATE_LIMIT_PER_MINUTE: '0', ...env });
  const app = createApp(config, { log: silentLogger, deps: deps(), clock: () => IN_HOURS, ...options });
  const url = await listen(app, 0, '127.0.0.1');
  return { app, url, stop: () => app.close() };
}

export interface Said {
  text: string;
  buttons: string[];
  activities: ReplyActivity[];
}

/** One user message in a conversation; the replies' texts joined, and their buttons. */
export async function say(url: string, conversation: string, text: string, user = 'employer-1'): Promise<Said> {
  const res = await post(url, message(text, conversation, user));
  if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}`);
  const activities = res.json.activities ?? [];
  return {
    text: activities.map((a) => a.text ?? '').join('\n'),
    buttons: activities.flatMap((a) => a.suggestedActions?.actions.map((x) => x.title) ?? []),
    activities,
  };
}

/** Runs a conversation and returns the reply to the last message. */
export async function conversation(url: string, conv: string, lines: string[]): Promise<Said> {
  let last: Said = { text: '', buttons: [], activities: [] };
  for (const line of lines) last = await say(url, conv, line);
  return last;
}

export const REFERENCE = /HN-\d{4}-\d{6}/;

export function referenceIn(text: string): string {
  const m = REFERENCE.exec(text);
  if (!m) throw new Error(`no ticket reference in: ${text}`);
  return m[0];
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface Smtp {
  port: number;
  mails: ReceivedMail[];
  /** Answer DATA with a temporary failure while true. */
  reject: boolean;
  stop(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS, no auth) that keeps what it receives. */
export async function startSmtp(port = 0): Promise<Smtp> {
  const smtp: Smtp = { port: 0, mails: [], reject: false, stop: async () => undefined };
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (smtp.reject) {
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        smtp.mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  smtp.port = (server.server.address() as net.AddressInfo).port;
  smtp.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return smtp;
}

/** A loopback port with nothing listening on it (yet). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** waitFor from test/helpers/wait with the arguments this folder's tests pass. */
export function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  return pollUntil(check, { what, timeoutMs });
}

/** The checklist answers that pass, in order. */
export const GOOD_ANSWERS = ['A3100001237X', 'Maju Jaya Sdn Bhd', 'Siti Aminah binti Ahmad', '900101-14-5673'];
export const MYKAD_DIGITS = '900101145673';
/** After the problem: no contact given, then the summary sent (either language's words work). */
export const FINISH = ['skip', 'send'];

/** A header of a raw message, unfolded, with RFC 2047 encoded words decoded. */
export function mailHeader(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) return '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_w, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

/** The text body of a raw single-part message, transfer encoding undone. */
export function mailBody(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
