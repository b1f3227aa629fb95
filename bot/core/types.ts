// Plain data exchanged between the conversation core and the channel shells.
// Nothing here knows about Bot Framework, HTTP or storage.
import type { IntentId, Lang, Ranked } from '../../intents';
import type { QuoteRequest } from '../../calculators';
import type { ReplySource } from './reply-source';

export type { Lang };

/** A button. `value` is the text the channel sends back when it is pressed. */
export interface SuggestedAction {
  title: string;
  value: string;
}

/** One bot message. `text` is always complete so text-only channels lose nothing. */
export interface Reply {
  text: string;
  suggestedActions?: SuggestedAction[];
  /** An Adaptive Card (schema 1.4 or lower, which Teams renders). */
  card?: Record<string, unknown>;
  speak?: string;
  /** What the transcript keeps instead of `text` (a summary that shows personal answers back). */
  transcriptText?: string;
  /** 👍 / 👎 (also the last two suggested actions): Teams shows them as card actions under `prompt`. */
  rating?: { prompt: string; actions: SuggestedAction[] };
  /** Files the user can download with the reply (e.g. a text-file check report as a data: URI). */
  attachments?: ReplyAttachment[];
}

export interface ReplyAttachment {
  name: string;
  contentType: string;
  contentUrl: string;
}

/**
 * A file the user attached, for this turn only: never put in state, transcript or logs.
 * `text` is the file's bytes read as latin1, so Buffer.from(text, 'latin1') gives them back exactly.
 */
export interface MessageAttachment {
  name: string;
  contentType: string;
  size: number;
  text: string;
}

/** What a user sent: typed text, or the data of a card submit. */
export interface UserMessage {
  text: string;
  value?: unknown;
  channel: string;
  /** An uploaded file (Web Chat upload, Teams inline content). */
  attachment?: MessageAttachment;
}

/** What a button does when its title comes back as the user's message. */
export type OfferedAction =
  | { kind: 'intent'; intent: IntentId }
  | { kind: 'text'; text: string }
  | { kind: 'more'; intent: IntentId }
  | { kind: 'quote_change'; change: Partial<QuoteRequest> }
  /** "Kenapa?" / "Why?": the full explanation of the quote made from `request` at `at` (ISO). */
  | { kind: 'quote_why'; request: QuoteRequest; at: string }
  | { kind: 'form'; form: string }
  /** 👍 / 👎 on the answer `answerId` (the knowledge base's intent, or intent.part). */
  | { kind: 'feedback'; vote: 'up' | 'down'; answerId: string; intent: string };

/** A turn with its full text, as tickets and officers see it. */
export interface TranscriptTurn {
  from: 'user' | 'bot';
  /** Already redacted: personal data never reaches stored state. */
  text: string;
  at: string;
  /** User turns only: what the bot made of the message (the officer's intent trail); absent when nothing was classified. */
  intent?: string;
  confidence?: number;
}

/** A bot reply kept as what built it; transcript.ts fullTranscript() gives back its text. */
export interface StoredBotReply {
  from: 'bot';
  reply: ReplySource;
  /** Fingerprint of the text as it was sent (reply-source.ts textSum), to notice a knowledge base changed since. */
  sum: string;
  /** Redacted literal text before and after the rebuilt part (e.g. a greeting's salam, an added sentence). */
  head?: string;
  tail?: string;
  at: string;
}

/**
 * A transcript turn as conversation state keeps it. State written before replies were kept as
 * references has only full-text turns, which stay valid as they are.
 */
export type StoredTurn = TranscriptTurn | StoredBotReply;

/** A multi-turn form under way (a quote waiting for a wage, the escalation checklist, ...). */
export interface FormState {
  id: string;
  step: number;
  /** Collected answers, by field name. Personal data here is only what the form needs. */
  values: Record<string, string>;
  tries: number;
  /** Answers the opening message gave that are shown back for confirmation at their step, by field name. */
  confirm?: Record<string, string>;
  /** When the form started (ISO); with the conversation it names one filing, so a retried turn files once. */
  startedAt?: string;
}

export interface ConversationState {
  version: 1;
  /** The conversation's language; null until the user has said something. */
  lang: Lang | null;
  /** Whether `lang` came from what the user wrote (or asked for), not from the default. */
  langSettled?: boolean;
  /** Consecutive messages the bot could not place. */
  misses: number;
  /** Intents the user asked about, in order, without repeats (for the escalation ticket). */
  topics: IntentId[];
  /** The last turns, redacted; bot replies as references where possible (see StoredTurn). */
  transcript: StoredTurn[];
  form: FormState | null;
  /** The last quote, so "what if she is 62?" can recompute it. */
  lastQuote: QuoteRequest | null;
  /** Buttons offered in the last reply, by lower-cased title. */
  offered: Record<string, OfferedAction>;
  /** Intent the last answer was about (for "more" and follow-ups). */
  lastIntent: IntentId | null;
  /** Tickets this conversation filed today (Kuala Lumpur day); absent in states saved before this field. */
  tickets?: TicketsToday;
  /** The answer just given 👎: the next typed message may say what was missing. */
  feedbackAsked?: { answerId: string; intent: string; message: string; at: string };
}

export interface TicketsToday {
  day: string;
  references: string[];
}

export function newConversationState(): ConversationState {
  return { version: 1, lang: null, misses: 0, topics: [], transcript: [], form: null, lastQuote: null, offered: {}, lastIntent: null };
}

/** Side effects the shell performs after the turn; the core itself does no I/O. */
export type Effect = { kind: 'file_ticket'; ticket: TicketDraft } | FeedbackEffect;

/** A 👍/👎 (or, `missing` set, what the user then said was missing); messages are the transcript's, redacted. */
export interface FeedbackEffect {
  kind: 'feedback';
  answerId: string;
  intent: string;
  lang: Lang;
  vote: 'up' | 'down';
  /** The user message the rated answer replied to. */
  redactedMessage: string;
  missing?: string;
  /** When the 👍/👎 was pressed (ISO): "what was missing" said later belongs to that vote. */
  votedAt: string;
}

export interface TicketDraft {
  checklist: Record<string, string>;
  topics: string[];
  lang: Lang;
  channel: string;
  createdAt: string;
  transcript: TranscriptTurn[];
  /** When the form that produced the draft started (see FormState.startedAt). */
  startedAt?: string;
  /** How the user asked to be reached, if they said. */
  contact?: { email?: string; phone?: string };
}

/** How the bot placed a classified message: answered it, asked which topic, or could not place it. */
export type TurnOutcome = 'answer' | 'clarify' | 'miss' | 'out_of_scope';

export interface TurnMeta {
  intent: string | null;
  confidence: number | null;
  lang: Lang;
  /** Set when the message went through the classifier's decision (not a form step or a pressed button). */
  outcome?: TurnOutcome;
  /** The classifier's top three for the message, where it was classified. */
  ranking?: Ranked[];
}

export interface TurnResult {
  replies: Reply[];
  state: ConversationState;
  effects: Effect[];
  meta: TurnMeta;
}
