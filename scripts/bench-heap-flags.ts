// Which node heap flags keep the RSS of `npm start` under 200 MB after load, and at what cost in
// throughput: each configuration in turn, several rounds interleaved so the machine's changing load
// falls on all of them alike. `node bin/run-ts.js scripts/bench-heap-flags.ts [rounds] [seconds]`.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { load, rssMiB, startBot } from './bench-bot';

// HEAP_CONFIGS="|--max-old-space-size=128" compares other sets ('|' between sets; the first is the baseline).
const CONFIGS: string[][] = process.env.HEAP_CONFIGS
  ? process.env.HEAP_CONFIGS.split('|').map((c) => c.split(/\s+/).filter(Boolean))
  : [[], ['--max-old-space-size=128'], ['--max-semi-space-size=8'], ['--max-old-space-size=128', '--max-semi-space-size=8']];

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const seconds = Number(process.argv[3] ?? 4);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-heap-'));
  const results = CONFIGS.map(() => ({ rates: [] as number[], rss: [] as number[] }));
  try {
    for (let r = 0; r < rounds; r++) {
      for (const [i, flags] of CONFIGS.entries()) {
        const bot = await startBot(path.join(dir, `bot-${r}-${i}.db`), {}, flags);
        try {
          await load(bot.url, 64, 2);
          const res = await load(bot.url, 64, seconds);
          results[i].rates.push(res.rate);
          results[i].rss.push(rssMiB(bot.child.pid!));
        } finally {
          await bot.stop();
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const base = mean(results[0].rates);
  for (const [i, flags] of CONFIGS.entries()) {
    const { rates, rss } = results[i];
    console.log(`${(flags.join(' ') || '(none)').padEnd(52)} turns/s ${rates.map((x) => x.toFixed(0)).join(' / ')} = ${(mean(rates) / base).toFixed(3)} of none; RSS after load ${rss.map((x) => x.toFixed(0)).join(' / ')} MiB (max ${Math.max(...rss).toFixed(0)})`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
