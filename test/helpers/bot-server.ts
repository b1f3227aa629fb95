// Starts the real restify server on a free loopback port for a test, with a chosen store.
import { createApp, listen, type App, type AppOptions } from '../../bot/app';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
import type { CoreDeps } from '../../bot/core';

/** The SDK shells that can serve /api/messages (CHANNEL_SDK): the conversation tests run against each. */
export const SDKS = ['botframework', 'agents'] as const;
export type Sdk = (typeof SDKS)[number];

export interface RunningBot {
  app: App;
  url: string;
  stop(): Promise<void>;
}

export async function startBot(env: Record<string, string> = {}, deps?: CoreDeps, options: AppOptions = {}): Promise<RunningBot> {
  const config = readConfig({ STORAGE_URL: 'memory:', PORT: '0', RATE_LIMIT_PER_MINUTE: '0', ...env });
  const app = createApp(config, { log: silentLogger, deps, ...options });
  const url = await listen(app, 0, '127.0.0.1');
  return { app, url, stop: () => app.close() };
}

let seq = 0;
/** A message activity asking for the replies in the response body. */
export function message(text: string, conversation = `conv-${process.pid}-${++seq}`, user = 'user-1'): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${++seq}`,
    text,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    conversation: { id: conversation },
    from: { id: user, name: 'Employer' },
    recipient: { id: 'hanna-bot', name: 'Hanna' },
  };
}

export interface ReplyActivity {
  type: string;
  text?: string;
  speak?: string;
  suggestedActions?: { actions: { title: string; value: string }[] };
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: { activities?: ReplyActivity[] } & Record<string, unknown> }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json };
}

export function texts(activities: ReplyActivity[] | undefined): string {
  return (activities ?? []).map((a) => a.text ?? '').join('\n');
}

export function buttons(activities: ReplyActivity[] | undefined): string[] {
  return (activities ?? []).flatMap((a) => a.suggestedActions?.actions.map((x) => x.title) ?? []);
}
