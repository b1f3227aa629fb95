// The DocumentStore on Redis, so several bot instances behind a load balancer share
// conversations, tickets and the outbox. One hash per document: its JSON and its eTag.
import crypto from 'crypto';
import type { Redis, RedisOptions } from 'ioredis';
import { ConflictError, conditionsOf, type DocumentStore, type DocumentWrite, type ReadResult, type WriteCondition } from './document-store';
import { expires, type RetentionPolicy } from './retention';

/**
 * Checks every condition first, then writes every document: all of a writeAll() or none of it.
 * KEYS: the hashes. ARGV per key: the condition ('' = any, '!' = no document, else '=' and the eTag
 * the stored one must equal), document JSON, new eTag, and
 * the retention TTL in ms ('' = leave as is, '0' = keep forever, else expire that long after this write).
 * The TTL is set in the same script as the document, so a stored document never misses its TTL.
 * Returns 0, or the 1-based index of the key whose eTag did not match.
 * Only strings pass through Lua: decoding JSON there (cjson) would turn [] into {}.
 */
const WRITE_SCRIPT = `
for i = 1, #KEYS do
  local condition = ARGV[(i - 1) * 4 + 1]
  if condition ~= '' then
    local current = redis.call('HGET', KEYS[i], 'etag')
    if condition == '!' then
      if current then return i end
    elseif current ~= string.sub(condition, 2) then
      return i
    end
  end
end
for i = 1, #KEYS do
  redis.call('HSET', KEYS[i], 'doc', ARGV[(i - 1) * 4 + 2], 'etag', ARGV[(i - 1) * 4 + 3])
  local ttl = ARGV[(i - 1) * 4 + 4]
  if ttl == '0' then
    redis.call('PERSIST', KEYS[i])
  elseif ttl ~= '' then
    redis.call('PEXPIRE', KEYS[i], ttl)
  end
end
return 0
`;

/**
 * For documents stored before retention was set (or changed to forever): KEYS without a TTL get
 * ARGV[1] ms, or with ARGV[1] = '0' every TTL is removed. Returns how many keys changed.
 */
const RETAIN_EXISTING_SCRIPT = `
local n = 0
for i = 1, #KEYS do
  if ARGV[1] == '0' then
    n = n + redis.call('PERSIST', KEYS[i])
  elseif redis.call('PTTL', KEYS[i]) == -1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[1])
    n = n + 1
  end
end
return n
`;

/** A write condition as WRITE_SCRIPT reads it. */
function conditionArg(condition: WriteCondition): string {
  if (condition.kind === 'any') return '';
  return condition.kind === 'absent' ? '!' : `=${condition.eTag}`;
}

/** A Redis glob matching `text` literally. */
const globLiteral = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');

export interface RedisStorageOptions {
  /** Prefix of every Redis key, so one Redis can serve other applications too. */
  prefix?: string;
  redis?: RedisOptions;
  /** Documents Redis deletes by itself some time after their last write (a TTL set at every write). */
  retention?: RetentionPolicy;
}

export class RedisStorage implements DocumentStore {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly retention: RetentionPolicy | undefined;

  constructor(url: string, options: RedisStorageOptions = {}) {
    this.prefix = options.prefix ?? 'hanna:';
    this.retention = options.retention;
    // A few quick retries, then an error: a turn fails politely instead of hanging while Redis is away.
    // disconnectTimeout: closing while Redis is away waits that long on a socket that is already gone.
    // Loaded here, not at start-up: only a REDIS store needs it.
    const { Redis } = require('ioredis') as typeof import('ioredis');
    this.redis = new Redis(url, { maxRetriesPerRequest: 3, connectTimeout: 5000, disconnectTimeout: 300, ...options.redis });
    // ioredis reconnects by itself; without a listener an 'error' event would crash the process.
    this.redis.on('error', () => undefined);
  }

  /** The connection, for other data in the same Redis (the rate-limit counters). */
  get client(): Redis {
    return this.redis;
  }

  async read(keys: readonly string[]): Promise<ReadResult> {
    const found: ReadResult = {};
    if (keys.length === 0) return found;
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.prefix + key, 'doc', 'etag');
    const results = (await pipeline.exec()) ?? [];
    keys.forEach((key, i) => {
      const [err, value] = results[i] ?? [new Error('no reply')];
      if (err) throw err;
      const [doc, etag] = value as [string | null, string | null];
      if (doc === null || etag === null) return;
      found[key] = { doc: JSON.parse(doc), eTag: etag };
    });
    return found;
  }

  async write(key: string, doc: object, condition: Pick<DocumentWrite, 'ifMatch' | 'ifAbsent'> = {}): Promise<string> {
    const [eTag] = await this.writeAll([{ key, doc, ...condition }]);
    return eTag;
  }

  async writeAll(writes: readonly DocumentWrite[]): Promise<string[]> {
    if (writes.length === 0) return [];
    const conditions = conditionsOf(writes);
    const keys: string[] = [];
    const args: string[] = [];
    const eTags: string[] = [];
    writes.forEach((w, i) => {
      const eTag = crypto.randomUUID();
      keys.push(this.prefix + w.key);
      args.push(conditionArg(conditions[i]), JSON.stringify(w.doc), eTag, this.ttlOf(w.key));
      eTags.push(eTag);
    });
    const conflict = Number(await this.redis.eval(WRITE_SCRIPT, keys.length, ...keys, ...args));
    if (conflict > 0) throw new ConflictError(writes[conflict - 1].key);
    return eTags;
  }

  /** Redis deletes expired documents itself (their TTL): nothing to sweep. */
  async sweep(): Promise<number> {
    return 0;
  }

  /**
   * Applies the retention policy to the documents already stored (SCAN, a few hundred keys per step),
   * which later writes would otherwise only reach when their conversation continues. Returns how many changed.
   */
  async retainExisting(): Promise<number> {
    if (!this.retention) return 0;
    let changed = 0;
    for (const p of this.retention.prefixes) {
      const keys = this.redis.scanStream({ match: `${globLiteral(this.prefix + p)}*`, count: 500 });
      for await (const batch of keys as AsyncIterable<string[]>) {
        if (batch.length === 0) continue;
        changed += Number(await this.redis.eval(RETAIN_EXISTING_SCRIPT, batch.length, ...batch, String(this.retention.maxAgeMs)));
      }
    }
    return changed;
  }

  /** The TTL argument of the write script for a key (see WRITE_SCRIPT). */
  private ttlOf(key: string): string {
    if (!this.retention || !expires(this.retention, key)) return '';
    return String(this.retention.maxAgeMs);
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys.map((k) => this.prefix + k));
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') {
      try {
        await this.redis.quit();
        return;
      } catch {
        // fall through: drop the connection
      }
    }
    // Not connected (or quit failed): stop reconnecting so the process can exit.
    this.redis.disconnect();
  }
}
