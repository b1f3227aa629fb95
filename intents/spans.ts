// Positions of what extraction has read, so that one number is read once: a MyKad is not a wage,
// a date is not a month, "10 hari" is not an age.

export type Taken = Array<[number, number]>;

export interface Hit<T> {
  start: number;
  end: number;
  value: T;
}

export function overlapsTaken(taken: Taken, start: number, end: number): boolean {
  return taken.some(([s, e]) => start < e && end > s);
}

/** The hits that do not overlap what is taken or each other (earliest first, then longest), now taken too; in text order. */
export function keepFree<T>(hits: Hit<T>[], taken: Taken): Hit<T>[] {
  const out: Hit<T>[] = [];
  for (const h of hits.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (overlapsTaken(taken, h.start, h.end)) continue;
    taken.push([h.start, h.end]);
    out.push(h);
  }
  return out;
}

export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
