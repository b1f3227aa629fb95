// Rate limits whose counters live in the app's store (rate-limiter-flexible), so that N instances
// on one Redis or one SQLite file share one limit instead of allowing N times it. The memory store
// (tests, throwaway runs) keeps them in memory. Fixed windows: `points` per `durationSeconds`,
// starting at a key's first request; `blockSeconds` keeps a key refused that long once over.
import crypto from 'crypto';
import type Database from 'better-sqlite3';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RedisStorage, SqliteStorage, type DocumentStore } from '../storage';

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface LimitSpec {
  /** Names the counter family (part of every key). */
  name: string;
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

export interface Limiter {
  readonly spec: LimitSpec;
  /** Counts one request under `key`; not ok when that makes it over the limit. */
  take(key: string): Promise<Verdict>;
  /** Whether a take() under `key` would be refused now, without counting. */
  check(key: string): Promise<Verdict>;
}

export type LimiterBackend = { kind: 'memory' } | { kind: 'sqlite'; db: Database.Database } | { kind: 'redis'; client: Redis };

/** The counter store of a storage: its SQLite file or its Redis, else memory. */
export function limiterBackendFor(storage: DocumentStore): LimiterBackend {
  if (storage instanceof SqliteStorage) return { kind: 'sqlite', db: storage.database };
  if (storage instanceof RedisStorage) return { kind: 'redis', client: storage.client };
  return { kind: 'memory' };
}

const SQLITE_TABLE = 'rate_limits';
const SWEEP_EVERY_MS = 5 * 60_000;
const swept = new WeakSet<Database.Database>();

/**
 * Deletes expired counters every few minutes. Our own sweep rather than the library's: its timer
 * keeps running after the file is closed and its failure there would be an unhandled rejection.
 */
function sweepExpired(db: Database.Database): void {
  if (swept.has(db)) return;
  swept.add(db);
  const timer = setInterval(() => {
    if (!db.open) return clearInterval(timer);
    try {
      db.prepare(`DELETE FROM ${SQLITE_TABLE} WHERE expire < ?`).run(Date.now());
    } catch {
      // the next sweep tries again; counters past their window are ignored when read anyway
    }
  }, SWEEP_EVERY_MS);
  timer.unref();
}

function build(backend: LimiterBackend, spec: LimitSpec): RateLimiterAbstract {
  const common = { keyPrefix: `rl:${spec.name}`, points: spec.points, duration: spec.durationSeconds, blockDuration: spec.blockSeconds ?? 0 };
  switch (backend.kind) {
    case 'redis':
      // The same connection (and key prefix) as the documents: one Redis to run.
      return new RateLimiterRedis({ ...common, keyPrefix: `hanna:rl:${spec.name}`, storeClient: backend.client });
    case 'sqlite':
      // The table is made here, synchronously: the library's own creation finishes a tick later
      // and would refuse the first requests.
      backend.db.prepare(`CREATE TABLE IF NOT EXISTS ${SQLITE_TABLE} (key TEXT PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire INTEGER)`).run();
      sweepExpired(backend.db);
      return new RateLimiterSQLite({ ...common, storeClient: backend.db, storeType: 'better-sqlite3', tableName: SQLITE_TABLE, tableCreated: true, clearExpiredByTimeout: false });
    case 'memory':
      return new RateLimiterMemory(common);
  }
}

/** Keys come from requests and can be huge: long ones are hashed. */
function boundedKey(key: string): string {
  return key.length <= 120 ? key : crypto.createHash('sha256').update(key).digest('hex');
}

const wait = (res: RateLimiterRes): Verdict => ({ ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });

export function createLimiter(backend: LimiterBackend, spec: LimitSpec, onError?: (err: unknown) => void): Limiter {
  const rl = build(backend, spec);
  return {
    spec,
    async take(key) {
      try {
        await rl.consume(boundedKey(key));
        return { ok: true };
      } catch (err) {
        if (err instanceof RateLimiterRes) return wait(err);
        // A store that is away must not turn every request into an error: the request goes on.
        onError?.(err);
        return { ok: true };
      }
    },
    async check(key) {
      try {
        const res = await rl.get(boundedKey(key));
        return res && res.consumedPoints >= spec.points ? wait(res) : { ok: true };
      } catch (err) {
        onError?.(err);
        return { ok: true };
      }
    },
  };
}
