// Data retention (PDPA): documents that hold what a visitor typed (conversation state, the
// widget's activity logs) are deleted a set time after their last write. Which keys that is
// comes from the modules that own them (wired in bot/app.ts); every other document (tickets,
// their outbox entries, counters) is never touched. Each store enforces the policy its own way:
// SQLite with a periodic sweep, Redis with a TTL set at every write, memory not at all.

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a sweeping store looks for expired documents (it also sweeps when it opens). */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

export interface RetentionPolicy {
  /** Time after a document's last write until it is deleted; 0 = kept forever. */
  maxAgeMs: number;
  /** Keys starting with one of these expire; no other key ever does. */
  prefixes: readonly string[];
}

/** The policy for RETENTION_DAYS (0 = keep forever) over the given key prefixes. */
export function retentionPolicy(days: number, prefixes: readonly string[]): RetentionPolicy {
  if (!Number.isInteger(days) || days < 0) throw new Error(`retention: days must be a whole number >= 0, got ${days}`);
  for (const p of prefixes) {
    // The SQLite sweep turns a prefix into a key range: an empty prefix would match every ticket.
    if (!/^[\x21-\x7e]+$/.test(p)) throw new Error(`retention: key prefix must be non-empty printable ASCII, got "${p}"`);
  }
  return { maxAgeMs: days * DAY_MS, prefixes: [...prefixes] };
}

export function expires(policy: RetentionPolicy, key: string): boolean {
  return policy.prefixes.some((p) => key.startsWith(p));
}

/** [from, to): the keys starting with `prefix` in byte order, so an index on the key can find them. */
export function prefixRange(prefix: string): [string, string] {
  const last = prefix.charCodeAt(prefix.length - 1);
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(last + 1)];
}

/** Where a sweeping store reports what it did. */
export interface SweepReport {
  onSweep?(deleted: number): void;
  onError?(err: unknown): void;
}

/**
 * Runs `sweep` now and then every `everyMs` until the returned stop function is called.
 * The timer is unref'd: it never keeps the process alive. A failed sweep is reported, not thrown.
 */
export function startSweeps(sweep: () => number, everyMs: number, report: SweepReport = {}): () => void {
  const run = () => {
    try {
      const deleted = sweep();
      report.onSweep?.(deleted);
    } catch (err) {
      report.onError?.(err);
    }
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
