// `hanna chat`: the same bot in the terminal. Interactive with a prompt, or line by line
// from piped stdin. Type a button's number to press it.
import readline from 'readline';
import { createCore } from '../app';
import { loadConfigForCommand } from '../config';
import type { Reply } from '../core/types';
import type { Inbound } from '../inbound/pipeline';
import { createLogger } from '../logging';

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
  // The same composition root as `serve`: the ticket limit, logging and error replies of every
  // shell. The conversation lives only as long as the session; tickets go to the configured store
  // (and, with SMTP_URL, out by e-mail) exactly as from the server.
  const core = createCore(config, { log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), ephemeralConversations: true });
  try {
    return await converse(core.inbound);
  } finally {
    await core.close();
  }
}

async function converse(inbound: Inbound): Promise<number> {
  const interactive = process.stdin.isTTY === true;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  let buttons: string[] = [];
  const show = (replies: Reply[]) => {
    const r = renderReplies(replies);
    buttons = r.buttons;
    console.log(r.text);
  };

  show((await inbound.join(REF)).replies);
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
    // A failed turn is answered by the pipeline (a bilingual apology) and logged there.
    show((await inbound.message({ ref: REF, text })).replies);
    if (interactive) rl.prompt();
  }
  return 0;
}
