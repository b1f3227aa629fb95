// A Direct Line conversation's activities, kept in the shared botbuilder Storage so that
// watermarks and a reloaded page's history survive restarts and work across instances.
// Bounded: only the newest MAX_ACTIVITIES are kept.
import type { Activity, Storage } from 'botbuilder';

export const MAX_ACTIVITIES = 200;
const MAX_ATTEMPTS = 5;

/** An activity as Direct Line returns it (ids and timestamps assigned by the log). */
export type LoggedActivity = Partial<Activity> & { id: string; timestamp: string };

export interface ConversationLog {
  conversationId: string;
  userId: string;
  createdAt: string;
  /** Sequence number the next activity gets; also the watermark after the newest. */
  next: number;
  /** Milliseconds of the newest timestamp, so timestamps only ever grow (Web Chat orders by them). */
  lastMs: number;
  activities: LoggedActivity[];
}

interface Stored extends ConversationLog {
  eTag?: string;
}

/** Every activity log key starts with this (data retention deletes by it). */
export const LOG_KEY_PREFIX = 'directline/';

export function logKey(conversationId: string): string {
  return `${LOG_KEY_PREFIX}${encodeURIComponent(conversationId)}`;
}

export class ActivityLog {
  constructor(
    private readonly storage: Storage,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(conversationId: string): Promise<ConversationLog | undefined> {
    const key = logKey(conversationId);
    const items = await this.storage.read([key]);
    return items[key] as Stored | undefined;
  }

  /** Creates the log if it does not exist; returns it and whether it was created now. */
  async open(conversationId: string, userId: string): Promise<{ log: ConversationLog; created: boolean }> {
    const existing = await this.get(conversationId);
    if (existing) return { log: existing, created: false };
    const log: ConversationLog = { conversationId, userId, createdAt: this.clock().toISOString(), next: 1, lastMs: 0, activities: [] };
    await this.storage.write({ [logKey(conversationId)]: { ...log, eTag: '*' } });
    return { log, created: true };
  }

  /** Appends activities in order, giving each an id and a timestamp; retries on eTag conflicts. */
  async append(conversationId: string, activities: Partial<Activity>[]): Promise<LoggedActivity[]> {
    const key = logKey(conversationId);
    let lastError: unknown = new Error(`no Direct Line conversation ${conversationId}`);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = (await this.storage.read([key]))[key] as Stored | undefined;
      if (!stored) throw lastError;
      let next = stored.next;
      let lastMs = stored.lastMs;
      const added = activities.map((a) => {
        lastMs = Math.max(this.clock().getTime(), lastMs + 1);
        return { ...a, id: `${conversationId}|${String(next++).padStart(7, '0')}`, timestamp: new Date(lastMs).toISOString() } as LoggedActivity;
      });
      const kept = [...stored.activities, ...added].slice(-MAX_ACTIVITIES);
      const doc: Stored = { ...stored, next, lastMs, activities: kept, eTag: stored.eTag ?? '*' };
      try {
        await this.storage.write({ [key]: doc });
        return added;
      } catch (err) {
        if (!/etag|conflict|precondition/i.test(String((err as Error).message))) throw err;
        lastError = err;
      }
    }
    throw lastError;
  }
}

/** The sequence number in an activity id made by the log. */
export function sequenceOf(activity: LoggedActivity): number {
  return Number(activity.id.slice(activity.id.lastIndexOf('|') + 1));
}

/** Activities after a watermark ('' or missing = from the start) and the new watermark. */
export function since(log: ConversationLog, watermark: string | undefined): { activities: LoggedActivity[]; watermark: string } {
  const from = /^\d+$/.test(watermark ?? '') ? Number(watermark) : 0;
  const activities = log.activities.filter((a) => sequenceOf(a) > from);
  return { activities, watermark: String(log.next - 1) };
}
