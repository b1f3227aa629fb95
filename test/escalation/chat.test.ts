// `hanna chat` files tickets in the configured store, like the server does.
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { SqliteStorage } from '../../bot/storage';
import { TicketStore } from '../../bot/tickets';
import { GOOD_ANSWERS, MYKAD_DIGITS, referenceIn } from './helpers';

test('a ticket filed in the terminal is in the SQLite store named by STORAGE_URL', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-chat-'));
  const file = path.join(dir, 'hanna.db');
  try {
    const root = path.resolve(__dirname, '../..');
    const input = ['talk to an officer', ...GOOD_ANSWERS, 'The ASSIST portal rejects my contribution file'].join('\n') + '\n';
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'hanna.js'), 'chat'], {
      cwd: root,
      input,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, STORAGE_URL: `sqlite:${file}`, SMTP_URL: '', HANDOFF_EMAIL_TO: '', LOG_LEVEL: 'silent' },
    });
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
