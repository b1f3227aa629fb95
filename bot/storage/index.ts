// Picks the store from STORAGE_URL: an SQLite file by default, Redis for several instances, memory for tests.
import { MemoryStorage, type Storage } from 'botbuilder';
import { SqliteStorage } from './sqlite-storage';
import { RedisStorage } from './redis-storage';

export interface ClosableStorage {
  storage: Storage;
  kind: 'sqlite' | 'memory' | 'redis';
  close(): Promise<void>;
}

export function createStorage(url: string): ClosableStorage {
  if (url === 'memory:' || url === 'memory') {
    return { storage: new MemoryStorage(), kind: 'memory', close: async () => undefined };
  }
  if (url.startsWith('sqlite:') || !url.includes('://')) {
    const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
    const storage = new SqliteStorage(file);
    return { storage, kind: 'sqlite', close: async () => storage.close() };
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const storage = new RedisStorage(url);
    return { storage, kind: 'redis', close: () => storage.close() };
  }
  throw new Error(`STORAGE_URL "${url}" is not supported: use sqlite:PATH (default sqlite:./data/hanna.db), redis://HOST:PORT or memory:`);
}

export { SqliteStorage, RedisStorage };
