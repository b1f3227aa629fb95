// The not-understood queue as support staff use it: list the items of the last days, label one
// ("this was <intent>" or "truly out of scope"), and read the labelled ones for training.
import { INTENT_IDS } from '../../intents';
import { transact, type DocumentStore } from '../storage';
import { hoursOf, isDay, lastDays } from './day';
import { reviewKey } from './keys';
import type { ReviewItem } from './types';

/** Days the queue looks back (items expire with RETENTION_DAYS anyway). */
export const DEFAULT_REVIEW_DAYS = 30;
export const MAX_REVIEW_DAYS = 366;
const LABELS: ReadonlySet<string> = new Set(INTENT_IDS);

interface ReviewHour {
  hour: string;
  items: ReviewItem[];
  dropped: number;
}

/** Keys read at once (24 a day: a year's queue is 8,784 documents). */
const READ_CHUNK = 500;

export type ReviewFilter = 'open' | 'labelled' | 'all';

export interface ReviewPage {
  total: number;
  items: ReviewItem[];
}

export function isLabel(value: unknown): value is string {
  return typeof value === 'string' && LABELS.has(value);
}

export function isReviewId(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3])~[0-9a-f]{12}$/.exec(value);
  return m !== null && isDay(m[1]);
}

export class ReviewQueue {
  constructor(private readonly store: DocumentStore) {}

  /** Newest first. */
  async list(opts: { now: Date; days?: number; filter?: ReviewFilter; limit?: number; offset?: number }): Promise<ReviewPage> {
    const days = lastDays(Math.min(MAX_REVIEW_DAYS, Math.max(1, opts.days ?? DEFAULT_REVIEW_DAYS)), opts.now);
    const keys = days.flatMap(hoursOf).map(reviewKey);
    const found: ReviewItem[] = [];
    for (let i = 0; i < keys.length; i += READ_CHUNK) {
      const docs = await this.store.read(keys.slice(i, i + READ_CHUNK));
      for (const stored of Object.values(docs)) if (stored) found.push(...(stored.doc as unknown as ReviewHour).items);
    }
    const filter = opts.filter ?? 'all';
    const all = found
      .filter((i) => filter === 'all' || (filter === 'labelled') === (i.label !== undefined))
      .sort((a, b) => b.at.localeCompare(a.at));
    const offset = Math.max(0, opts.offset ?? 0);
    return { total: all.length, items: all.slice(offset, offset + (opts.limit ?? all.length)) };
  }

  /** Sets (or with null, clears) an item's label; the item, or null if there is no such item. */
  async label(id: string, label: string | null, now: Date): Promise<ReviewItem | null> {
    if (!isReviewId(id)) return null;
    const key = reviewKey(id.split('~')[0]);
    return transact(this.store, [key], (docs) => {
      const doc = docs[key] as ReviewHour | undefined;
      const index = doc?.items.findIndex((i) => i.id === id) ?? -1;
      if (!doc || index < 0) return { result: null };
      const { label: _old, labelledAt: _at, ...rest } = doc.items[index];
      const item: ReviewItem = label === null ? rest : { ...rest, label, labelledAt: now.toISOString() };
      const items = doc.items.slice();
      items[index] = item;
      return { writes: { [key]: { ...doc, items } satisfies ReviewHour }, result: item };
    });
  }
}
