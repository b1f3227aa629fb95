// An in-process token bucket per key (a conversation, a client address): `perMinute` requests
// in a burst, refilled evenly over a minute. Each instance keeps its own buckets, so behind a
// load balancer with N instances a client can reach up to N times the limit (see README).

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep: number;

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
    /** Most keys kept; beyond it idle buckets go first, then the oldest. Bounds memory under a flood of new keys. */
    private readonly maxKeys = 100_000,
  ) {
    if (!(perMinute > 0)) throw new Error('RateLimiter needs a positive perMinute (0 means no limiter at all)');
    this.perMs = perMinute / 60_000;
    this.lastSweep = clock();
  }

  private bucket(key: string, now: number): Bucket {
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.perMinute, at: now };
    return { tokens: Math.min(this.perMinute, b.tokens + (now - b.at) * this.perMs), at: now };
  }

  /** Whether a request under `key` is allowed now; an allowed request takes one token. */
  take(key: string): Verdict {
    const now = this.clock();
    this.sweep(now);
    const b = this.bucket(key, now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.buckets.delete(key); // re-insert: Map order is then least recently used first
      this.buckets.set(key, b);
      return { ok: true };
    }
    this.buckets.set(key, b);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)) };
  }

  /** Like take() but takes nothing: is `key` currently out of tokens? */
  check(key: string): Verdict {
    const b = this.bucket(key, this.clock());
    return b.tokens >= 1 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Once a minute drops buckets that have refilled (they behave like absent ones); at the cap, the least recently used. */
  private sweep(now: number): void {
    if (now - this.lastSweep >= 60_000) {
      this.lastSweep = now;
      for (const [key, b] of this.buckets) {
        if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
      }
    }
    // O(1) per request even under a flood of new keys: Map iteration starts at the oldest entry.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
