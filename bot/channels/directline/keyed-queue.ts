// Runs tasks one after another per key (a conversation), in arrival order, on this instance: the
// turns of one conversation then never race each other for its state or its activity log here.
// Other instances on the same store are kept apart by the store's eTag checks (with retries).

export class QueueFull extends Error {}

export class KeyedQueue {
  private readonly queues = new Map<string, { tail: Promise<void>; depth: number }>();

  /** `maxDepth`: tasks waiting or running per key at most; more are refused with QueueFull (memory stays bounded). */
  constructor(private readonly maxDepth = 100) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const q = this.queues.get(key) ?? { tail: Promise.resolve(), depth: 0 };
    if (q.depth >= this.maxDepth) return Promise.reject(new QueueFull(`more than ${this.maxDepth} requests waiting for ${key}`));
    const result = q.tail.then(task);
    q.depth++;
    q.tail = result.then(
      () => undefined,
      () => undefined,
    );
    const tail = q.tail;
    this.queues.set(key, q);
    void tail.then(() => {
      q.depth--;
      if (q.depth === 0 && this.queues.get(key) === q) this.queues.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.queues.size;
  }
}
