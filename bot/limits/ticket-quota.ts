// At most a few escalation tickets per conversation per day (Kuala Lumpur days), so a visitor
// looping through the officer form cannot flood the officers' queue. Wraps the effect runner
// that files tickets; the count lives in the same store as the tickets, so every instance sees it.
import crypto from 'crypto';
import type { EffectOutcome, EffectRunner, ConversationRef } from '../conversation-service';
import { TICKETS_PER_CONVERSATION_PER_DAY } from '../core/policy';
import { klDay, quotaReply } from '../core/ticket-quota';
import { transact, type DocumentStore } from '../storage';
import { CARELINE } from '../handoff/reply';
import type { Bilingual } from '../core/strings';
import { fillPlaceholders, phrasePair } from '../../knowledge';
import type { Limiter } from './store-limiter';


interface Filing {
  /** When the form of this filing started: a retried turn files the same ticket again and is not counted twice. */
  id: string;
  reference: string;
}
interface Quota {
  day: string;
  filings: Filing[];
}

export function quotaKey(ref: Pick<ConversationRef, 'channelId' | 'conversationId'>): string {
  const id = crypto.createHash('sha256').update(`${ref.channelId}\n${ref.conversationId}`).digest('hex').slice(0, 40);
  return `ticket-quota/${id}`;
}

/** Said when one address (or one user id) has filed too many tickets today. */
const TOO_MANY_FROM_HERE: Bilingual = phrasePair('ticket.too_many_from_here');

/** Who files: the visitor's own address where the channel knows it, else the channel's user id (a Bot Connector address carries everyone). */
function filerKey(ref: ConversationRef): string {
  return ref.clientAddress ? `address/${ref.clientAddress}` : `user/${ref.channelId}/${ref.userId}`;
}

export function limitTickets(inner: EffectRunner, storage: DocumentStore, max = TICKETS_PER_CONVERSATION_PER_DAY, perFiler: Limiter | null = null): EffectRunner {
  return async (effect, ctx) => {
    if (effect.kind !== 'file_ticket') return inner(effect, ctx);
    const key = quotaKey(ctx.ref);
    const day = klDay(ctx.now);
    const id = effect.ticket.startedAt ?? effect.ticket.createdAt;
    const stored = (await storage.read([key]))[key]?.doc as Quota | undefined;
    const today = stored?.day === day ? stored.filings : [];
    if (today.length >= max && !today.some((f) => f.id === id)) {
      return { replies: [quotaReply(ctx.lang, today.map((f) => f.reference))] } satisfies EffectOutcome;
    }
    // A retried turn files the same ticket again: counted once.
    if (perFiler && !today.some((f) => f.id === id) && !(await perFiler.take(filerKey(ctx.ref))).ok) {
      return { replies: [{ text: fillPlaceholders(TOO_MANY_FROM_HERE[ctx.lang], { careline: CARELINE }, 'phrase ticket.too_many_from_here'), suggestedActions: [{ title: 'Menu', value: 'menu' }] }] } satisfies EffectOutcome;
    }
    const outcome = await inner(effect, ctx);
    const reference = Array.isArray(outcome) ? undefined : outcome.handoff?.reference;
    if (reference) {
      await transact(storage, [key], (docs) => {
        const q = docs[key] as Quota | undefined;
        const filings = q?.day === day ? q.filings : [];
        if (filings.some((f) => f.id === id)) return { result: undefined };
        return { writes: { [key]: { day, filings: [...filings, { id, reference }] } satisfies Quota }, result: undefined };
      });
    }
    return outcome;
  };
}

export { TICKETS_PER_CONVERSATION_PER_DAY };
