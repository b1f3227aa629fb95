// `hanna chat`: the same bot in the terminal. Interactive with a prompt, or line by line
// from piped stdin. Type a button's number to press it.
import readline from 'readline';
import { createCoreDeps } from '../app';
import { loadConfigForCommand } from '../config';
import { ConversationService } from '../conversation-service';
import type { Reply } from '../core/types';
import { createHandoff } from '../handoff';
import { createLogger } from '../logging';
import { createStorage, MemoryDocumentStore } from '../storage';

// One terminal session is one conversation; its id keeps tickets from different sessions apart.
const REF = { channelId: 'terminal', conversationId: `terminal-${process.pid}-${Date.now()}`, userId: 'terminal-user' };

/** Markdown as a terminal shows it: links as "title (url)", bold markers removed (not the stars of a masked "900101-**-***3"). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*\n]*[\p{L}\p{N}][^*\n]*)\*\*/gu, '$1');
}

export function renderReplies(replies: Reply[]): { text: string; buttons: string[] } {
  const lines: string[] = [];
  const buttons: string[] = [];
  for (const r of replies) {
    lines.push(`Hanna: ${plainText(r.text).replace(/\n/g, '\n       ')}`);
    for (const a of r.suggestedActions ?? []) {
      buttons.push(a.value);
      lines.push(`  [${buttons.length}] ${a.title}`);
    }
  }
  return { text: lines.join('\n'), buttons };
}

export async function chat(): Promise<number> {
  const config = loadConfigForCommand();
  if (!config) return 2;
  // The conversation lives only as long as the session; tickets go to the configured store
  // (and, with SMTP_URL, out by e-mail) exactly as from the server.
  const deps = createCoreDeps();
  const store = createStorage(config.storageUrl);
  const handoff = createHandoff(config, { storage: store.storage, kb: deps.kb, log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel) });
  await handoff.start();
  const service = new ConversationService(deps, new MemoryDocumentStore(), handoff.runEffect);
  try {
    return await converse(service);
  } finally {
    await handoff.stop();
    await store.close();
  }
}

async function converse(service: ConversationService): Promise<number> {
  const interactive = process.stdin.isTTY === true;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  let buttons: string[] = [];
  const show = (replies: Reply[]) => {
    const r = renderReplies(replies);
    buttons = r.buttons;
    console.log(r.text);
  };

  show((await service.join(REF)).replies);
  if (interactive) {
    console.log('(type a message, a button number, or Ctrl+D to leave)');
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const typed = line.trim();
    if (!interactive) console.log(`> ${typed}`);
    const n = Number(typed);
    const text = Number.isInteger(n) && n >= 1 && n <= buttons.length ? buttons[n - 1] : typed;
    try {
      show((await service.message(REF, { text, channel: 'terminal' })).replies);
    } catch (err) {
      console.error(`(error: ${(err as Error).message})`);
    }
    if (interactive) rl.prompt();
  }
  return 0;
}
