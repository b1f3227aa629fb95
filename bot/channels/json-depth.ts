// How deeply a parsed JSON value nests, measured without recursion (so a hostile 10,000-level
// value cannot overflow the stack while being measured), stopping as soon as the limit is passed.

/** Whether `value` nests more than `limit` objects/arrays deep. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Nesting allowed in a Direct Line activity's `value` (Adaptive Card data is a few levels). */
export const MAX_VALUE_DEPTH = 32;
/** Nesting allowed in a whole Bot Framework activity (channel data and attachments add levels). */
export const MAX_ACTIVITY_DEPTH = 64;
