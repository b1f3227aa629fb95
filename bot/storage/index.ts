// Picks the store from STORAGE_URL: an SQLite file by default, Redis for several instances, memory for tests.
import type { Logger } from '../logging';
import type { DocumentStore } from './document-store';
import { MemoryDocumentStore } from './memory-store';
import { SqliteStorage } from './sqlite-storage';
import { RedisStorage } from './redis-storage';
import type { RetentionPolicy } from './retention';

export interface ClosableStorage {
  storage: DocumentStore;
  kind: 'sqlite' | 'memory' | 'redis';
  close(): Promise<void>;
}

export interface StorageOptions {
  /** Conversation documents to delete after a while (SQLite and memory: hourly sweep; Redis: TTL). */
  retention?: RetentionPolicy;
  /** Where sweeps and their failures are reported. */
  log?: Pick<Logger, 'info' | 'error'>;
  /** SQLite only: see SqliteStorageOptions.synchronous. */
  sqliteSync?: 'NORMAL' | 'FULL';
}

export function createStorage(url: string, options: StorageOptions = {}): ClosableStorage {
  const { retention, log, sqliteSync } = options;
  if (url === 'memory:' || url === 'memory') {
    const storage = new MemoryDocumentStore({ retention });
    return { storage, kind: 'memory', close: () => storage.close() };
  }
  if (url.startsWith('sqlite:') || !url.includes('://')) {
    const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
    const storage = new SqliteStorage(file, {
      retention,
      synchronous: sqliteSync,
      onSweep: (deleted) => {
        if (deleted > 0) log?.info({ deleted }, 'retention: deleted conversations past the retention period');
      },
      onError: (err) => log?.error({ err }, 'retention: sweep failed'),
    });
    return { storage, kind: 'sqlite', close: () => storage.close() };
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const storage = new RedisStorage(url, { retention });
    if (retention) {
      // In the background: a Redis that is away must not hold up the start (writes set TTLs anyway).
      storage.retainExisting().then(
        (changed) => {
          if (changed > 0) log?.info({ changed }, 'retention: applied to conversations stored before');
        },
        (err) => log?.error({ err }, 'retention: could not apply to stored conversations'),
      );
    }
    return { storage, kind: 'redis', close: () => storage.close() };
  }
  throw new Error(`STORAGE_URL "${url}" is not supported: use sqlite:PATH (default sqlite:./data/hanna.db), redis://HOST:PORT or memory:`);
}

export { SqliteStorage, RedisStorage, MemoryDocumentStore };
export { ConflictError, type Doc, type DocumentStore, type DocumentWrite, type ReadResult, type StoredDoc } from './document-store';
export { transact, RECORD_RETRY, CONVERSATION_RETRY, ACTIVITY_LOG_RETRY, type Docs, type RetryPolicy, type TxPlan } from './transact';
export { retentionPolicy, type RetentionPolicy } from './retention';
