// The one DocumentStore contract run against every store: memory, SQLite (a real file) and Redis
// (a real redis-server on 127.0.0.1, installed by scripts/ensure-system-deps.sh).
import fs from 'fs';
import os from 'os';
import path from 'path';
import { MemoryDocumentStore, RedisStorage, SqliteStorage, type DocumentStore } from '../../bot/storage';
import type { RetentionPolicy } from '../../bot/storage/retention';
import { startRedis, type RedisServer } from '../hardening/helpers/processes';
import { runStoreContract, type StoreHarness } from './contract';

/** A fake clock for the stores that take one, and the bookkeeping every harness needs. */
function fakeTime(): { now: () => number; elapse(ms: number): void } {
  let now = Date.parse('2026-11-26T03:00:00Z');
  return { now: () => now, elapse: (ms) => void (now += ms) };
}

runStoreContract('memory', (): StoreHarness => {
  const time = fakeTime();
  const open: DocumentStore[] = [];
  return {
    async open(retention?: RetentionPolicy) {
      const s = new MemoryDocumentStore({ retention, clock: time.now });
      open.push(s);
      return s;
    },
    peer: async (store) => store,
    retentionMs: 30 * 24 * 60 * 60 * 1000,
    elapse: time.elapse,
    closeAll: async () => void (await Promise.all(open.map((s) => s.close()))),
  };
});

describe('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-contract-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  runStoreContract('SQLite', (): StoreHarness => {
    const time = fakeTime();
    const open: SqliteStorage[] = [];
    const files = new Map<DocumentStore, string>();
    const retentionOf = new Map<DocumentStore, RetentionPolicy | undefined>();
    let n = 0;
    const at = (file: string, retention?: RetentionPolicy) => {
      const s = new SqliteStorage(file, { retention, clock: time.now });
      open.push(s);
      files.set(s, file);
      retentionOf.set(s, retention);
      return s;
    };
    return {
      open: async (retention) => at(path.join(dir, `store-${++n}.db`), retention),
      peer: async (store) => at(files.get(store)!, retentionOf.get(store)),
      retentionMs: 30 * 24 * 60 * 60 * 1000,
      elapse: time.elapse,
      closeAll: async () => void (await Promise.all(open.map((s) => s.close()))),
    };
  });
});

describe('Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());
  runStoreContract('Redis', (): StoreHarness => {
    const open: RedisStorage[] = [];
    const prefixes = new Map<DocumentStore, { prefix: string; retention?: RetentionPolicy }>();
    let n = 0;
    const at = (prefix: string, retention?: RetentionPolicy) => {
      const s = new RedisStorage(redis.url, { prefix, retention });
      open.push(s);
      prefixes.set(s, { prefix, retention });
      return s;
    };
    return {
      open: async (retention) => at(`contract${process.pid}-${++n}:`, retention),
      peer: async (store) => {
        const { prefix, retention } = prefixes.get(store)!;
        return at(prefix, retention);
      },
      // Redis expires by its own clock: a short period, and the test polls until it has passed.
      retentionMs: 600,
      elapse: () => undefined,
      closeAll: async () => void (await Promise.all(open.map((s) => s.close()))),
    };
  });
});
