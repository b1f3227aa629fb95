// Turns knowledge-base answers and engine strings into channel-neutral replies,
// remembering which button means what so a pressed button routes exactly.
import type { Answer } from '../../knowledge';
import { toIntentIds, type IntentId } from '../../intents';
import type { Lang, OfferedAction, Reply, SuggestedAction } from './types';
import { S, intentLabel } from './strings';
import type { KnowledgeBase } from '../../knowledge';
import { markSource, type ReplySource } from './reply-source';

/** Collects the buttons of one turn and what each does. */
export class Offers {
  readonly actions: Record<string, OfferedAction> = {};

  constructor(private readonly kb: Pick<KnowledgeBase, 'button'>) {}

  button(title: string, action: OfferedAction): SuggestedAction {
    this.actions[title.trim().toLowerCase()] = action;
    return { title, value: title };
  }

  intent(intent: IntentId, lang: Lang): SuggestedAction {
    return this.button(intentLabel(this.kb, intent, lang), { kind: 'intent', intent });
  }
}

const MORE_PREFIX = 'more:';

/** A knowledge-base suggestion value is either a phrase to route or "more:<intent>" (made by the knowledge base from a catalogue id). */
function suggestionAction(value: string): OfferedAction {
  if (value.startsWith(MORE_PREFIX)) return { kind: 'more', intent: toIntentIds([value.slice(MORE_PREFIX.length)])[0] };
  return { kind: 'text', text: value };
}

function sourceLine(answer: Answer, lang: Lang): string {
  if (answer.sources.length === 0) return '';
  const links = answer.sources.map((s) => `[${s.title}](${s.url})`).join(' · ');
  return `\n\n${S.source[lang]}: ${links}`;
}

export function answerReply(answer: Answer, lang: Lang, offers: Offers, prefix = ''): Reply {
  // The knowledge base puts the "more" button (value more:<intent>) first among the suggestions.
  const actions: SuggestedAction[] = [];
  for (const s of answer.suggestions) actions.push(offers.button(s.title, suggestionAction(s.value)));
  const reply: Reply = { text: answer.text + sourceLine(answer, lang) };
  if (actions.length > 0) reply.suggestedActions = dedupe(actions);
  // Marked before the prefix goes on: the transcript rebuilds the answer and keeps the prefix as it is.
  markSource(reply, answerSource(answer, lang));
  if (prefix) reply.text = prefix + reply.text;
  return reply;
}

function answerSource(answer: Answer, lang: Lang): ReplySource {
  const source: ReplySource = { answer: answer.intent, lang };
  if (answer.variant) source.variant = answer.variant;
  if (answer.parts && answer.parts.length > 0) source.parts = answer.parts;
  if (answer.continuation) source.more = true;
  return source;
}

export function textReply(text: string, actions: SuggestedAction[] = []): Reply {
  return actions.length > 0 ? { text, suggestedActions: dedupe(actions) } : { text };
}

function dedupe(actions: SuggestedAction[]): SuggestedAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    const k = a.title.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
