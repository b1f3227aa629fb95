// A Direct Line conversation's activities, kept in the shared DocumentStore so that
// watermarks and a reloaded page's history survive restarts and work across instances.
// Bounded: only the newest MAX_ACTIVITIES are kept.
import { ACTIVITY_LOG_RETRY, ConflictError, transact, type DocumentStore } from '../../storage';
import type { ActivityJson } from '../activities';

export const MAX_ACTIVITIES = 200;

/** The clientActivityID Web Chat puts on a message and keeps on its retries. */
export function clientActivityId(activity: ActivityJson): string | undefined {
  const id = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** An activity as Direct Line returns it (ids and timestamps assigned by the log). */
export type LoggedActivity = ActivityJson & { id: string; timestamp: string };

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

/** Every activity log key starts with this (data retention deletes by it). */
export const LOG_KEY_PREFIX = 'directline/';

export function logKey(conversationId: string): string {
  return `${LOG_KEY_PREFIX}${encodeURIComponent(conversationId)}`;
}

export class ActivityLog {
  constructor(
    private readonly storage: DocumentStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(conversationId: string): Promise<ConversationLog | undefined> {
    const key = logKey(conversationId);
    const items = await this.storage.read([key]);
    return items[key]?.doc as ConversationLog | undefined;
  }

  /**
   * Creates the log if it does not exist; returns it and whether this call created it. Only one of
   * several simultaneous calls (on any instance) gets created = true: the write is ifAbsent.
   */
  async open(conversationId: string, userId: string): Promise<{ log: ConversationLog; created: boolean }> {
    const existing = await this.get(conversationId);
    if (existing) return { log: existing, created: false };
    const log: ConversationLog = { conversationId, userId, createdAt: this.clock().toISOString(), next: 1, lastMs: 0, activities: [] };
    try {
      await this.storage.write(logKey(conversationId), log, { ifAbsent: true });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const other = await this.get(conversationId);
      if (other) return { log: other, created: false };
      throw err;
    }
    return { log, created: true };
  }

  /** Appends activities in order, giving each an id and a timestamp; retries on eTag conflicts. */
  async append(conversationId: string, activities: ActivityJson[]): Promise<LoggedActivity[]> {
    const outcome = await this.appendUnlessSeen(conversationId, activities, undefined);
    return outcome.added;
  }

  /**
   * Like append(), but if the log already holds a user message from `from` with the same
   * clientActivityID (a client retry), appends nothing and returns that message instead. The check
   * and the append are one eTag-checked write, so two instances never both log a retry.
   */
  async appendUnlessSeen(
    conversationId: string,
    activities: ActivityJson[],
    seen: { from: string; clientActivityId: string } | undefined,
  ): Promise<{ added: LoggedActivity[]; existing?: LoggedActivity }> {
    const key = logKey(conversationId);
    return transact<{ added: LoggedActivity[]; existing?: LoggedActivity }>(
      this.storage,
      [key],
      (docs) => {
        const stored = docs[key] as ConversationLog | undefined;
        if (!stored) throw new Error(`no Direct Line conversation ${conversationId}`);
        if (seen) {
          const existing = stored.activities.find((a) => a.from?.id === seen.from && clientActivityId(a) === seen.clientActivityId);
          if (existing) return { result: { added: [], existing } };
        }
        let next = stored.next;
        let lastMs = stored.lastMs;
        const added = activities.map((a) => {
          lastMs = Math.max(this.clock().getTime(), lastMs + 1);
          return { ...a, id: `${conversationId}|${String(next++).padStart(7, '0')}`, timestamp: new Date(lastMs).toISOString() } as LoggedActivity;
        });
        const kept = [...stored.activities, ...added].slice(-MAX_ACTIVITIES);
        return { writes: { [key]: { ...stored, next, lastMs, activities: kept } satisfies ConversationLog }, result: { added } };
      },
      ACTIVITY_LOG_RETRY,
    );
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
