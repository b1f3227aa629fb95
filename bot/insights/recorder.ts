// Records what the console shows: after every handled message (a TurnObserver) and every 👍/👎
// (recordFeedback) it bumps the KL day's counters, marks the conversation, and queues a message the
// bot did not understand. Events are written in batches, one transaction per batch, in the
// background: a turn never waits for them, and under load many events share one write.
import crypto from 'crypto';
import { INTENT_IDS, redact, type Classification, type Lang, type Ranked } from '../../intents';
import type { ConversationRef, HandledTurn, TurnObserver } from '../conversation-service';
import type { TurnOutcome } from '../core/types';
import { transact, type Doc, type Docs, type DocumentStore, type RetryPolicy } from '../storage';
import { klDay, klHour } from './day';
import { conversationMarkKey, countersKey, reviewKey } from './keys';
import { emptyDay, type DayCounters, type FeedbackEvent, type ReviewItem, type ReviewReason } from './types';

/** Most items kept per KL hour in the queue; beyond it an hour's items are counted, not kept. */
export const MAX_ITEMS_PER_HOUR = 500;
/** Longest message kept in the queue. */
export const MAX_MESSAGE_CHARS = 500;
const MAX_BATCH = 200;
/** Events waiting for the store at most; past it (a store far slower than the traffic) new ones are dropped and reported. */
const MAX_PENDING = 10_000;
/** Distinct answer ids counted per day; more (a caller sending made-up ids) go under "other". */
const MAX_ANSWER_IDS = 300;
const INSIGHTS_RETRY: RetryPolicy = { attempts: 20, baseMs: 5, capMs: 250, serial: true };
const KEY_WORD = /^[A-Za-z0-9_.:-]{1,64}$/;
/** Counted as "what employers ask": a form's own steps (intent = the form's id, e.g. "escalation") are not. */
const ASKED: ReadonlySet<string> = new Set(INTENT_IDS);

interface ConversationMark {
  /** KL day of the conversation's first message: where it is counted. */
  day: string;
  /** Filed a ticket or gave a 👎. */
  failed: boolean;
}

interface ReviewHour {
  hour: string;
  items: ReviewItem[];
  /** Items not kept because the hour was full. */
  dropped: number;
}

type InsightEvent =
  | { kind: 'turn'; mark: string; day: string; hour: string; lang: Lang; intent: string | null; outcome?: TurnOutcome; ticket: boolean; item?: ReviewItem }
  | { kind: 'feedback'; mark: string; day: string; hour: string; answerId: string; vote: 'up' | 'down'; followUp?: boolean; item?: ReviewItem };

export interface RecorderOptions {
  /** Reads a 👎's message again for its top three (the channel does not send them). */
  classify?: (text: string) => Classification;
  onError?: (err: unknown) => void;
}

/** A key made of code-given words only (intent and answer ids): anything else is counted as "other". */
export function safeWord(value: string | null | undefined): string {
  // Never an Object.prototype name: these words become object keys.
  return value && KEY_WORD.test(value) && !(value in Object.prototype) ? value : 'other';
}

function newId(hour: string): string {
  return `${hour}~${crypto.randomBytes(6).toString('hex')}`;
}

/** When the vote was pressed: a follow-up said later is filed under the vote's day and hour. */
function votedAt(event: FeedbackEvent, received: Date): Date {
  const t = event.votedAt ? Date.parse(event.votedAt) : NaN;
  // Never trust a time far from now (it names the document written to).
  return Number.isFinite(t) && Math.abs(received.getTime() - t) < 7 * 24 * 3600_000 ? new Date(t) : received;
}

/** The same id for a 👎 and its "what was missing", so the second completes the first's queue item. */
function voteItemId(hour: string, mark: string, voted: Date, answerId: string): string {
  return `${hour}~${crypto.createHash('sha256').update(`${mark}|${voted.toISOString()}|${answerId}`).digest('hex').slice(0, 12)}`;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

/** Whether the transcript kept words worth reviewing (not a placeholder such as "[not kept]" or "[file …]"). */
function reviewable(text: string | undefined): text is string {
  return typeof text === 'string' && text.trim() !== '' && !/^\[[^\]]*\]$/.test(text.trim());
}

/** How long the recorder gathers events before writing them together. */
const GATHER_MS = 25;

export class InsightsRecorder {
  private queue: InsightEvent[] = [];
  private running: Promise<void> | null = null;
  private dropped = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RecorderOptions = {},
  ) {}

  /** The hook for ConversationService; never throws (a turn must not fail for its statistics). */
  readonly observe: TurnObserver = (ref: ConversationRef, turn: HandledTurn, at: Date) => {
    try {
      const day = klDay(at);
      const hour = klHour(at);
      const { meta } = turn;
      const reason: ReviewReason | undefined = meta.outcome && meta.outcome !== 'answer' ? meta.outcome : undefined;
      const item: ReviewItem | undefined =
        reason && reviewable(turn.loggableText)
          ? { id: newId(hour), at: at.toISOString(), lang: meta.lang, reason, message: clip(turn.loggableText), top: [...(meta.ranking ?? [])] }
          : undefined;
      this.push({ kind: 'turn', mark: conversationMarkKey(ref), day, hour, lang: meta.lang, intent: meta.intent, outcome: meta.outcome, ticket: turn.handoff !== undefined, item });
    } catch (err) {
      this.options.onError?.(err);
    }
  };

  /** A 👍/👎 from a channel; resolves when it is stored. */
  recordFeedback(event: FeedbackEvent, at: Date = new Date()): Promise<void> {
    const voted = votedAt(event, at);
    const day = klDay(voted);
    const hour = klHour(voted);
    const answerId = safeWord(event.answerId);
    const mark = conversationMarkKey(event.ref);
    let item: ReviewItem | undefined;
    if (event.vote === 'down') {
      // Redacted again: the channel's text may not have been (and "what was missing" is new text).
      const message = clip(redact(event.redactedMessage ?? ''));
      const missing = event.missing?.trim() ? clip(redact(event.missing.trim())) : undefined;
      let top: Ranked[] = [];
      try {
        if (reviewable(message)) top = this.options.classify?.(message).ranking ?? [];
      } catch (err) {
        this.options.onError?.(err);
      }
      item = { id: voteItemId(hour, mark, voted, answerId), at: voted.toISOString(), lang: event.lang, reason: 'down', message, top, intent: safeWord(event.intent), answerId, ...(missing ? { missing } : {}) };
    }
    this.push({ kind: 'feedback', mark, day, hour, answerId, vote: event.vote, followUp: event.followUp === true, item });
    return this.flush();
  }

  /** Resolves when every event recorded so far is written (or failed and was reported). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private push(event: InsightEvent): void {
    if (this.queue.length >= MAX_PENDING) this.dropped += 1;
    else this.queue.push(event);
    if (!this.running) {
      // A short wait gathers the turns of a busy moment into one write (one store transaction for many
      // turns, not one each); the queue and the charts still see every event within a fraction of a second.
      this.running = new Promise<void>((resolve) => setTimeout(resolve, GATHER_MS)).then(() => this.drain()).finally(() => {
        this.running = null;
      });
    }
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      if (this.dropped > 0) {
        this.options.onError?.(new Error(`insights: ${this.dropped} event(s) dropped, the store is slower than the traffic`));
        this.dropped = 0;
      }
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.write(batch);
      } catch (err) {
        // Insights are not worth failing or slowing a conversation for: reported and dropped.
        this.options.onError?.(err);
      }
    }
  }

  private async write(batch: InsightEvent[]): Promise<void> {
    const keys = new Set<string>();
    for (const e of batch) {
      keys.add(e.mark);
      keys.add(countersKey(e.day));
      if (e.item) keys.add(reviewKey(e.hour));
    }
    await transact(this.store, [...keys], (docs) => ({ writes: apply(docs, batch), result: undefined }), INSIGHTS_RETRY);
  }
}

/** The documents after the batch (pure: run again on fresh documents after a conflict). */
function apply(stored: Docs, batch: InsightEvent[]): Record<string, object> {
  const docs = new Map<string, Doc>();
  const get = <T extends object>(key: string, make: () => T): T => {
    let doc = docs.get(key);
    if (!doc) {
      doc = (stored[key] ? structuredClone(stored[key]) : make()) as Doc;
      docs.set(key, doc);
    }
    return doc as unknown as T;
  };
  const counters = (day: string) => get<DayCounters>(countersKey(day), () => emptyDay(day));
  const bump = (map: Record<string, number>, key: string) => {
    map[key] = (map[key] ?? 0) + 1;
  };
  /** Marks the conversation; its start day counts it once, and once more as uncontained when it first fails. */
  const mark = (key: string, day: string, failed: boolean) => {
    const existing = docs.get(key) ?? stored[key];
    const m = get<ConversationMark>(key, () => ({ day, failed: false }));
    if (!existing) counters(m.day).conversations += 1;
    if (failed && !m.failed) {
      m.failed = true;
      counters(m.day).uncontained += 1;
    }
  };
  const queue = (hour: string, item: ReviewItem) => {
    const list = get<ReviewHour>(reviewKey(hour), () => ({ hour, items: [], dropped: 0 }));
    // A 👎's follow-up ("what was missing") completes the vote's item; a label already given is kept.
    const same = list.items.findIndex((i) => i.id === item.id);
    if (same >= 0) {
      const { label, labelledAt } = list.items[same];
      list.items[same] = { ...item, ...(label ? { label } : {}), ...(labelledAt ? { labelledAt } : {}) };
    } else if (list.items.length >= MAX_ITEMS_PER_HOUR) list.dropped += 1;
    else list.items.push(item);
  };

  for (const e of batch) {
    const c = counters(e.day);
    if (e.kind === 'turn') {
      mark(e.mark, e.day, e.ticket);
      c.messages += 1;
      bump(c.langs, e.lang);
      if (e.intent && ASKED.has(e.intent)) bump(c.intents, e.intent);
      if (e.outcome) {
        bump(c.outcomes as Record<string, number>, e.outcome);
        if (e.outcome !== 'answer') c.notUnderstood += 1;
      }
    } else if (!e.followUp) {
      if (e.vote === 'down') mark(e.mark, e.day, true);
      const id = Object.hasOwn(c.feedback, e.answerId) || Object.keys(c.feedback).length < MAX_ANSWER_IDS ? e.answerId : 'other';
      const f = (c.feedback[id] ??= { up: 0, down: 0 });
      f[e.vote] += 1;
    }
    if (e.item) queue(e.hour, e.item);
  }
  return Object.fromEntries(docs);
}
