// Polling with a deadline, for tests that wait on something they cannot get an event for.
// It fails naming what it waited for, so a timeout reads as a broken behaviour, not a flake.

export interface WaitOptions {
  /** What the test waits for, as the failure message should name it. */
  what: string;
  /** Give up after this long (ms); generous, since only a failure waits the whole time. */
  timeoutMs?: number;
  /** Time between checks (ms); short, so a passing test waits little. */
  intervalMs?: number;
}

export async function waitFor(predicate: () => boolean | Promise<boolean>, { what, timeoutMs = 10_000, intervalMs = 10 }: WaitOptions): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await predicate()) return;
    if (Date.now() - started >= timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** `promise`, or a failure naming `what` if it has not settled within `timeoutMs`: for "ends, does not hang". */
export async function withDeadline<T>(promise: Promise<T>, { what, timeoutMs = 10_000 }: Omit<WaitOptions, 'intervalMs'>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
