// A form is data: ordered fields, each with prompts in both languages and a validator.
import type { Understanding } from '../../../intents';
import type { Bilingual } from '../strings';
import type { ConversationState, Effect, Lang, Reply } from '../types';
import type { Offers } from '../replies';
import type { KnowledgeBase } from '../../../knowledge';
import type { Calculator } from '../../../calculators';

export type FieldResult =
  | {
      ok: true;
      value: string;
      /** how the answer is shown back (masked for personal data) */ display?: string;
      /** Ask this earlier field again (its answer and this one dropped), then come back here. */
      reopen?: string;
    }
  /** `choices`: not a wrong answer but a question back (no try counted), with these buttons. */
  | { ok: false; reason: Bilingual; choices?: string[] };

export interface FormField {
  name: string;
  prompt: Bilingual;
  /** Said with `help` at this step: why the item is needed and an example. */
  help: Bilingual;
  /** Whether the answer may hold personal data that the safety warning would otherwise flag. */
  personal?: boolean;
  /** Stored in the transcript instead of the answer (e.g. "[NAME]"), for personal data redact() cannot spot. */
  redactAs?: string;
  validate(text: string, u: Understanding): FieldResult;
  /** Whether the step is asked, given the answers so far (absent: always). */
  needed?(values: Record<string, string>): boolean;
  /** The question made from the answers so far (e.g. a summary), instead of `prompt`. */
  ask?(values: Record<string, string>, lang: Lang): string;
  /** Asked instead of the prompt when the opening message already gave this answer; "{value}" shows it. */
  confirm?: Bilingual;
  /**
   * Free text (a name, a description): almost anything is a valid answer, so a message that reads as a
   * question is taken as one even though it would pass the check. Format-checked fields (a MyKad, an
   * amount) take any valid answer as the answer.
   */
  freeText?: boolean;
  /** Buttons offered with the prompt (e.g. the topic detected earlier). */
  suggestions?(state: ConversationState, lang: Lang): string[];
}

export interface FormContext {
  /** The knowledge base, for the phrases a completion says. */
  kb: KnowledgeBase;
  calculator: Calculator;
  state: ConversationState;
  lang: Lang;
  now: Date;
  offers: Offers;
}

/** Facts about the run of a form, beside its values. */
export interface FormRunInfo {
  startedAt: string | null;
}

export interface FormCompletion {
  replies: Reply[];
  effects: Effect[];
}

export interface FormDefinition {
  id: string;
  fields: FormField[];
  /** Said with the first prompt (e.g. a privacy notice): keep it short. */
  intro?: Bilingual;
  /** The rest of the intro, shown when the "more" button offered with it is pressed. */
  introMore?: Bilingual;
  /** After this many wrong answers the user may skip the item; 0 = never. */
  maxTries: number;
  skipLabel?: Bilingual;
  complete(values: Record<string, string>, ctx: FormContext, info: FormRunInfo): FormCompletion;
}
