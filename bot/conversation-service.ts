// Carries one message through the core: load state, run the turn, perform its effects,
// save the new state. Every channel shell (Bot Framework, web widget, terminal) uses this.
import { recordTicket, runTurn, welcome, type CoreDeps } from './core';
import { lastUserText } from './core/transcript';
import type { ConversationState, Effect, Lang, Reply, TranscriptTurn, TurnMeta, UserMessage } from './core/types';
import { CONVERSATION_RETRY, transact, type DocumentStore } from './storage';

export interface ConversationRef {
  channelId: string;
  conversationId: string;
  userId: string;
  /** The visitor's own network address, where the channel knows it (the website widget); not part of the state key. */
  clientAddress?: string;
}

export interface EffectContext {
  ref: ConversationRef;
  lang: Lang;
  now: Date;
}

/** A ticket was filed this turn: what a channel with a live-agent hub needs to start a handoff. */
export interface HandoffNotice {
  reference: string;
  /** Hub-facing context (no full MyKad). */
  context: Record<string, unknown>;
  /** Redacted. */
  transcript: TranscriptTurn[];
}

export interface EffectOutcome {
  replies: Reply[];
  handoff?: HandoffNotice;
}

/** Performs a side effect the core asked for and returns any replies it adds (e.g. a ticket number). */
export type EffectRunner = (effect: Effect, ctx: EffectContext) => Promise<Reply[] | EffectOutcome>;

export interface HandledTurn {
  replies: Reply[];
  meta: TurnMeta;
  handoff?: HandoffNotice;
  /** The user's message as the transcript keeps it (redacted, a form's personal answer masked): what a debug log may show. */
  loggableText?: string;
}

/** What a log shows when the user's line has scrolled out of the transcript (never the raw text). */
const NOT_KEPT = '[not kept]';

/** Every conversation state key starts with this (data retention deletes by it). */
export const STATE_KEY_PREFIX = 'conversation/';

export function stateKey(ref: ConversationRef): string {
  // Conversation and user together: one visitor cannot continue another's conversation.
  return `${STATE_KEY_PREFIX}${encodeURIComponent(ref.channelId)}/${encodeURIComponent(ref.conversationId)}/${encodeURIComponent(ref.userId)}`;
}

interface StoredState {
  state: ConversationState;
}

/** Told of every handled message after its state is saved (the console's insights); must not throw. */
export type TurnObserver = (ref: ConversationRef, turn: HandledTurn, at: Date) => void;

/** Effects that only report what happened (a 👍/👎): run once the turn is saved, and add no reply. */
const AFTER_SAVE: ReadonlySet<Effect['kind']> = new Set(['feedback']);

export class ConversationService {
  constructor(
    private readonly deps: CoreDeps,
    private readonly storage: DocumentStore,
    private readonly runEffect: EffectRunner = async () => [],
    private readonly clock: () => Date = () => new Date(),
    private readonly observer?: TurnObserver,
  ) {}

  async message(ref: ConversationRef, message: UserMessage): Promise<HandledTurn> {
    const { turn, afterSave } = await this.handle(ref, message);
    // A vote is counted once: only the attempt whose state was saved reports it (a retried turn ran twice).
    for (const { effect, ctx } of afterSave) await this.runEffect(effect, ctx);
    this.observer?.(ref, turn, this.clock());
    return turn;
  }

  private async handle(ref: ConversationRef, message: UserMessage): Promise<{ turn: HandledTurn; afterSave: { effect: Effect; ctx: EffectContext }[] }> {
    let afterSave: { effect: Effect; ctx: EffectContext }[] = [];
    const turn = await this.withState(ref, async (state, now) => {
      const result = runTurn(this.deps, state, message, now);
      afterSave = [];
      // Effects run before the state is saved: a ticket is stored before the reply that names it.
      const extra: Reply[] = [];
      let handoff: HandoffNotice | undefined;
      for (const effect of result.effects) {
        if (AFTER_SAVE.has(effect.kind)) {
          afterSave.push({ effect, ctx: { ref, lang: result.meta.lang, now } });
          continue;
        }
        const outcome = await this.runEffect(effect, { ref, lang: result.meta.lang, now });
        if (Array.isArray(outcome)) extra.push(...outcome);
        else {
          extra.push(...outcome.replies);
          handoff = outcome.handoff ?? handoff;
        }
      }
      const turn: HandledTurn = { replies: [...result.replies, ...extra], meta: result.meta, loggableText: lastUserText(result.state.transcript) ?? NOT_KEPT };
      if (handoff) {
        turn.handoff = handoff;
        // Remembered so the core can say "already filed" before the user fills in the form again.
        result.state.tickets = recordTicket(result.state.tickets, handoff.reference, now);
      }
      return { state: result.state, turn };
    });
    return { turn, afterSave };
  }

  async join(ref: ConversationRef): Promise<HandledTurn> {
    return this.withState(ref, async (state) => {
      const result = welcome(this.deps, state);
      return { state: result.state, turn: { replies: result.replies, meta: result.meta } };
    });
  }

  async load(ref: ConversationRef): Promise<ConversationState | undefined> {
    const key = stateKey(ref);
    const items = await this.storage.read([key]);
    return (items[key]?.doc as StoredState | undefined)?.state;
  }

  /** Read-modify-write with eTag retry (transact()), so two instances never overwrite each other's turn. */
  private async withState(
    ref: ConversationRef,
    work: (state: ConversationState | undefined, now: Date) => Promise<{ state: ConversationState; turn: HandledTurn }>,
  ): Promise<HandledTurn> {
    const key = stateKey(ref);
    return transact(
      this.storage,
      [key],
      async (docs) => {
        // Every store parses the document afresh on read, so the core may take this state over (no copy).
        const { state, turn } = await work((docs[key] as StoredState | undefined)?.state, this.clock());
        return { writes: { [key]: { state } satisfies StoredState }, result: turn };
      },
      CONVERSATION_RETRY,
    );
  }
}
