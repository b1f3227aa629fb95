/** Public types of the knowledge base. The conversation core depends on exactly these names. */

import type { Lang } from '../locale';
export type { Lang } from '../locale';
export { LANGS } from '../locale';

export interface Source { title: string; url: string }

/** A button: `title` is shown in the user's language; `value` is the text sent back when it is clicked. */
export interface Suggestion { title: string; value: string }

export interface Answer {
  intent: string;
  /** Chat-sized (at most about 80 words); the rest is in `more`. */
  text: string;
  /** The continuation shown after the "more" button, or null when there is none. */
  more: string | null;
  /** When `more` is set, the first suggestion is the "more" button (value `more:<intent>`). */
  suggestions: Suggestion[];
  sources: Source[];
  /** ISO date (YYYY-MM-DD) on which a person last checked the answer against the fact sheet. */
  verified: string;
  /** Ids of the parts that lead the text because the message asked about them (absent or empty: none). */
  parts?: string[];
  /** The variant answered (e.g. the agency of other_agency); absent for the intent's own answer. */
  variant?: string;
  /** Set on what `more()` returns: the continuation, not the answer. */
  continuation?: true;
}

export type Agency = 'kwsp' | 'lhdn' | 'hrdcorp' | 'ssm' | 'jtk' | 'imigresen';

export interface AnswerOptions {
  /** The instant used for the live hotline status (default: the current time). */
  now?: Date;
  /** For other_agency: which agency the user asked about (null or absent: the general answer). */
  agency?: Agency | null;
  /** The user's message (normalised text is best): an answer with parts leads with the part it asks about. */
  message?: string;
  /** Part ids to lead with, instead of reading them from `message` (rebuilding a reply for a transcript). */
  parts?: readonly string[];
}

export type { PhraseKey } from './phrases';
import type { PhraseKey } from './phrases';
import type { HotlineStatus } from './hotline';
import type { IntentCatalogue } from './catalogue';

import type { IntentId } from '../intents/ids';

export interface KnowledgeBase {
  /** The intent catalogue (intents.yaml): handlers, traits, menu places and buttons. */
  readonly catalogue: IntentCatalogue;
  answer(intent: IntentId, lang: Lang, options?: AnswerOptions): Answer;
  /** The continuation for a "more" button, or null when the answer has none. */
  more(intent: IntentId, lang: Lang, options?: AnswerOptions): Answer | null;
  phrase(key: PhraseKey, lang: Lang, vars?: Record<string, string>): string;
  /** The button that leads to an intent (for clarifying questions and menus), or null when it has none. */
  button(intent: IntentId, lang: Lang): Suggestion | null;
  intents(): IntentId[];
  /** The Careline status at `now`, from this knowledge base's opening hours and holidays. */
  hotlineStatus(now: Date): HotlineStatus;
}
