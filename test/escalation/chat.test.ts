// `hanna chat` files tickets in the configured store, like the server does.
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { SqliteStorage } from '../../bot/storage';
import { TicketStore } from '../../bot/tickets';
import { createLimiter, LIMITS } from '../../bot/limits';
import { GOOD_ANSWERS, FINISH, MYKAD_DIGITS, REFERENCE, referenceIn } from './helpers';

/** `hanna chat` on the SQLite file `file`, piped an escalation from "talk to an officer" to the problem. */
function escalateInTerminal(file: string, env: Record<string, string> = {}) {
  const root = path.resolve(__dirname, '../..');
  const input = ['talk to an officer', ...GOOD_ANSWERS, 'The ASSIST portal rejects my contribution file', ...FINISH].join('\n') + '\n';
  return spawnSync(process.execPath, [path.join(root, 'bin', 'hanna.js'), 'chat'], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, STORAGE_URL: `sqlite:${file}`, SMTP_URL: '', HANDOFF_EMAIL_TO: '', LOG_LEVEL: 'silent', ...env },
  });
}

test('a ticket filed in the terminal is in the SQLite store named by STORAGE_URL', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-chat-'));
  const file = path.join(dir, 'hanna.db');
  try {
    const r = escalateInTerminal(file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('900101-**-***3');
    expect(r.stdout).not.toContain(MYKAD_DIGITS);
    const reference = referenceIn(r.stdout);

    const storage = new SqliteStorage(file);
    try {
      const ticket = await new TicketStore(storage).get(reference);
      expect(ticket?.channel).toBe('terminal');
      expect(ticket?.checklist.problem).toBe('The ASSIST portal rejects my contribution file');
      expect(ticket?.checklist.mykad).toBe(MYKAD_DIGITS);
    } finally {
      storage.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test('the terminal shares the server\'s ticket limit: a filer over the daily limit gets no ticket', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-chat-limit-'));
  const file = path.join(dir, 'hanna.db');
  try {
    // The terminal's user has filed LIMITS.ticketsPerAddressPerDay tickets today (in other sessions).
    const storage = new SqliteStorage(file);
    const filings = createLimiter({ kind: 'sqlite', db: storage.database }, { name: 'ticket-filings', points: LIMITS.ticketsPerAddressPerDay, durationSeconds: 24 * 60 * 60 });
    for (let i = 0; i < LIMITS.ticketsPerAddressPerDay; i++) await filings.take('user/terminal/terminal-user');
    storage.close();

    const r = escalateInTerminal(file, { RATE_LIMIT_PER_MINUTE: '30' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Too many tickets have been filed from this network today|Terlalu banyak tiket telah difailkan/);
    expect(r.stdout).not.toMatch(REFERENCE);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
