// Figures for the bot as a whole: core turn latency (no I/O) and HTTP throughput and latency of
// /api/messages with the embedded SQLite store, plus memory. Printed, never asserted.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { MemoryDocumentStore } from '../bot/storage';
import { createApp, createCoreDeps, listen } from '../bot/app';
import { readConfig } from '../bot/config';
import { ConversationService } from '../bot/conversation-service';
import { silentLogger } from '../bot/logging';

const SCRIPT = [
  'assalamualaikum',
  'camne nak reset pasword',
  'brp socso utk gaji 2.5k',
  'kalau umur 62?',
  'how do I pay contributions',
  'what happens if I pay late',
  'cuaca hari ni macam mana',
  'terima kasih',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(2)} ms, p99 ${percentile(s, 99).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms`;
}

export async function benchBot(): Promise<void> {
  const t0 = performance.now();
  const deps = createCoreDeps();
  console.log(`start-up: understanding + knowledge base built in ${(performance.now() - t0).toFixed(0)} ms`);

  // Core turns through the service with an in-memory store.
  const service = new ConversationService(deps, new MemoryDocumentStore());
  const turns: number[] = [];
  for (let c = 0; c < 150; c++) {
    const ref = { channelId: 'bench', conversationId: `c${c}`, userId: 'u' };
    for (const text of SCRIPT) {
      const t = performance.now();
      await service.message(ref, { text, channel: 'bench' });
      turns.push(performance.now() - t);
    }
  }
  console.log(`turn (core + memory store), ${turns.length} turns: ${summary(turns)}`);

  // HTTP with the default SQLite store, rate limits off.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-bench-'));
  const config = readConfig({ STORAGE_URL: `sqlite:${path.join(dir, 'bench.db')}`, PORT: '0', RATE_LIMIT_PER_MINUTE: '0', SQLITE_SYNC: process.env.SQLITE_SYNC ?? '' });
  const app = createApp(config, { log: silentLogger, deps });
  const url = await listen(app, 0, '127.0.0.1');
  const total = 800;
  const concurrency = 8;
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        const i = next++;
        const body = {
          type: 'message', text: SCRIPT[i % SCRIPT.length], channelId: 'bench', serviceUrl: 'http://127.0.0.1/',
          deliveryMode: 'expectReplies', conversation: { id: `h${worker}-${Math.floor(i / SCRIPT.length)}` }, from: { id: 'u' }, recipient: { id: 'bot' },
        };
        const t = performance.now();
        const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        await res.text();
        latencies.push(performance.now() - t);
        if (res.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`HTTP /api/messages (SQLite, ${concurrency} concurrent): ${total} requests in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(0)} req/s; ${summary(latencies)}; non-200: ${failures}`);
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

if (require.main === module) benchBot().catch((err) => { console.error(err); process.exitCode = 1; });
