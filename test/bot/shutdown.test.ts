// `npm start` as an operator runs it: SIGTERM stops the server cleanly (exit 0, port released)
// and the conversation is there when it starts again on the same file.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { message, post, texts } from '../helpers/bot-server';
import { exited, startHanna } from '../hardening/helpers/processes';

test('SIGTERM: clean exit, and the next start continues the conversation', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-term-'));
  const env = { STORAGE_URL: `sqlite:${path.join(dir, 'h.db')}` };
  try {
    const first = await startHanna(env);
    expect(first.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    await post(first.url, message('hello', 'term-conv'));
    await post(first.url, message('Calculate my contribution', 'term-conv'));

    first.child.kill('SIGTERM');
    await exited(first.child);
    expect(first.child.exitCode).toBe(0);
    await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();

    const second = await startHanna(env);
    try {
      const reply = await post(second.url, message('2500', 'term-conv'));
      expect(texts(reply.json.activities)).toContain('42.85');
    } finally {
      await second.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
