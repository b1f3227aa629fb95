// botbuilder Storage on Redis, so several bot instances behind a load balancer share
// conversations, tickets and the outbox. Same eTag rules as MemoryStorage and SqliteStorage:
// a write carrying an eTag succeeds only if the stored document still has that eTag.
import crypto from 'crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * Checks every eTag first, then writes every document: all of a write() or none of it.
 * KEYS: the hashes. ARGV per key: expected eTag ('' or '*' = any), document JSON, new eTag.
 * Returns 0, or the 1-based index of the key whose eTag did not match.
 * Only strings pass through Lua: decoding JSON there (cjson) would turn [] into {}.
 */
const WRITE_SCRIPT = `
for i = 1, #KEYS do
  local expected = ARGV[(i - 1) * 3 + 1]
  if expected ~= '' and expected ~= '*' then
    local current = redis.call('HGET', KEYS[i], 'etag')
    if current and current ~= expected then return i end
  end
end
for i = 1, #KEYS do
  redis.call('HSET', KEYS[i], 'doc', ARGV[(i - 1) * 3 + 2], 'etag', ARGV[(i - 1) * 3 + 3])
end
return 0
`;

export interface RedisStorageOptions {
  /** Prefix of every Redis key, so one Redis can serve other applications too. */
  prefix?: string;
  redis?: RedisOptions;
}

export class RedisStorage implements Storage {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(url: string, options: RedisStorageOptions = {}) {
    this.prefix = options.prefix ?? 'hanna:';
    // A few quick retries, then an error: a turn fails politely instead of hanging while Redis is away.
    // disconnectTimeout: closing while Redis is away waits that long on a socket that is already gone.
    this.redis = new Redis(url, { maxRetriesPerRequest: 3, connectTimeout: 5000, disconnectTimeout: 300, ...options.redis });
    // ioredis reconnects by itself; without a listener an 'error' event would crash the process.
    this.redis.on('error', () => undefined);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.prefix + key, 'doc', 'etag');
    const results = (await pipeline.exec()) ?? [];
    keys.forEach((key, i) => {
      const [err, value] = results[i] ?? [new Error('no reply')];
      if (err) throw err;
      const [doc, etag] = value as [string | null, string | null];
      if (doc === null || etag === null) return;
      items[key] = { ...(JSON.parse(doc) as Record<string, unknown>), eTag: etag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes) as [string, Record<string, unknown>][];
    if (entries.length === 0) return;
    const keys: string[] = [];
    const args: string[] = [];
    for (const [key, item] of entries) {
      const { eTag, ...doc } = item;
      keys.push(this.prefix + key);
      args.push(typeof eTag === 'string' ? eTag : '', JSON.stringify(doc), crypto.randomUUID());
    }
    const conflict = Number(await this.redis.eval(WRITE_SCRIPT, keys.length, ...keys, ...args));
    if (conflict > 0) throw new Error(`Storage: error writing "${entries[conflict - 1][0]}" due to eTag conflict.`);
  }

  async delete(keys: string[]): Promise<void> {
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
