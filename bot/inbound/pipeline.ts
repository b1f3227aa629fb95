// The one inbound path every shell uses (Bot Framework, Agents SDK, Direct Line, terminal):
// a plain message in, plain replies and effects out. Text extraction, the redacted turn log and
// the polite error reply live here once, so no shell has its own copy. The ticket limit wraps the
// effect runner in the composition root (app.ts), so it applies to every shell that files tickets.
import type { ConversationRef, ConversationService, HandoffNotice } from '../conversation-service';
import { STRINGS } from '../core';
import type { Lang, MessageAttachment, Reply } from '../core/types';
import { logTurn, type Logger } from '../logging';

/** What a shell makes of its input: the same for every channel. */
export interface InboundMessage {
  /** Channel, conversation and user (the state key), and the visitor's address where the channel knows it. */
  ref: ConversationRef;
  /** Typed text, already stripped of channel markup (e.g. a Teams @mention). */
  text?: string;
  /** Submit data of an Adaptive Card. */
  value?: unknown;
  /** A text file the user attached (held for this turn only, never logged). */
  attachment?: MessageAttachment;
}

/** What the shell sends back: replies, and the effects a channel may carry beyond them. */
export interface InboundResult {
  replies: Reply[];
  /** The user's language this turn (for the reply locale); absent after a failure. */
  lang?: Lang;
  /** A ticket filed this turn: its reference. */
  ticket?: string;
  /** Set when the channel's live-agent hub gets the handoff.initiate event (HANDOFF_EVENT_CHANNELS). */
  handoff?: HandoffNotice;
  /** The turn failed: replies hold the apology, the saved conversation is untouched. */
  failed?: boolean;
}

export interface Inbound {
  message(message: InboundMessage): Promise<InboundResult>;
  /** A user joined the conversation: the welcome. */
  join(ref: ConversationRef): Promise<InboundResult>;
}

export interface InboundOptions {
  /** Channels whose live-agent hub gets the handoff.initiate event when a ticket is filed. */
  handoffEventChannels?: readonly string[];
}

/** Submit data from an Adaptive Card: the text of a pressed action, if any. */
export function valueText(value: unknown): string {
  if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') return (value as { text: string }).text;
  return '';
}

/** The reply when a turn fails: polite and bilingual. */
export function errorReply(): Reply {
  return { text: `${STRINGS.error.ms}\n\n${STRINGS.error.en}` };
}

export function createInbound(service: ConversationService, log: Logger, options: InboundOptions = {}): Inbound {
  const eventChannels = new Set(options.handoffEventChannels ?? []);
  const failed = (err: unknown, ref: ConversationRef): InboundResult => {
    // The state was not saved for the failed turn, so the conversation resumes where it was.
    log.error({ err, conversation: ref.conversationId, channel: ref.channelId }, 'turn failed');
    return { replies: [errorReply()], failed: true };
  };
  return {
    async message({ ref, text, value, attachment }) {
      const typed = (text ?? '').trim() || valueText(value);
      const started = Date.now();
      try {
        const turn = await service.message(ref, { text: typed, value, channel: ref.channelId, ...(attachment ? { attachment } : {}) });
        logTurn(log, { conversation: ref.conversationId, channel: ref.channelId, text: typed, started }, turn.meta, turn.loggableText);
        const result: InboundResult = { replies: turn.replies, lang: turn.meta.lang };
        if (turn.handoff) {
          result.ticket = turn.handoff.reference;
          if (eventChannels.has(ref.channelId)) result.handoff = turn.handoff;
        }
        return result;
      } catch (err) {
        return failed(err, ref);
      }
    },
    async join(ref) {
      try {
        const turn = await service.join(ref);
        return { replies: turn.replies };
      } catch (err) {
        return failed(err, ref);
      }
    },
  };
}
