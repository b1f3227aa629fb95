// Performs the core's file_ticket effect: store the ticket (once per filing, even if the turn
// is retried), then answer with its reference. Runs before the conversation state is saved.
import type { KnowledgeBase } from '../../knowledge';
import { stateKey, type EffectOutcome, type EffectRunner } from '../conversation-service';
import type { Logger } from '../logging';
import type { Ticket, TicketStore } from '../tickets';
import { ticketFiledReply } from './reply';

export interface TicketEffectOptions {
  tickets: TicketStore;
  kb: KnowledgeBase;
  /** Called once for each new ticket (e.g. to wake the outbox worker). */
  onFiled?(ticket: Ticket): void;
  log?: Logger;
}

export function createTicketEffectRunner(opts: TicketEffectOptions): EffectRunner {
  return async (effect, ctx): Promise<EffectOutcome> => {
    if (effect.kind !== 'file_ticket') return { replies: [] };
    const draft = effect.ticket;
    const identity = `${stateKey(ctx.ref)}|${draft.startedAt ?? draft.createdAt}`;
    const { ticket, created } = await opts.tickets.file(
      { draft, channel: ctx.ref.channelId, conversationId: ctx.ref.conversationId, identity },
      ctx.now,
    );
    if (created) {
      opts.log?.info({ reference: ticket.reference, channel: ticket.channel, missing: ticket.missing }, 'ticket filed');
      opts.onFiled?.(ticket);
    }
    return {
      replies: [ticketFiledReply(opts.kb, ticket.reference, ctx.lang, ctx.now, ticket.contact)],
      handoff: {
        reference: ticket.reference,
        context: {
          reference: ticket.reference,
          employerCode: ticket.checklist.employerCode,
          companyName: ticket.checklist.companyName,
          problem: ticket.checklist.problem,
          topics: ticket.topics,
          lang: ticket.lang,
        },
        transcript: ticket.transcript,
      },
    };
  };
}
