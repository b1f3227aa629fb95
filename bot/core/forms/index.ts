// Every form the engine can run, by id (the id is what conversation state stores).
// Forms built from the knowledge base (their prompts are support-staff data) are made
// once per knowledge base and found through it.
import type { KnowledgeBase } from '../../../knowledge';
import { ESCALATION_FORM_ID, escalationForm } from './escalation';
import { lateInterestForm } from './late-interest';
import { quoteWageForm } from './quote-wage';
import type { FormDefinition } from './types';

const FORMS: Record<string, FormDefinition> = {
  [quoteWageForm.id]: quoteWageForm,
  [lateInterestForm.id]: lateInterestForm,
};

const KB_FORMS: Record<string, (kb: KnowledgeBase) => FormDefinition> = {
  [ESCALATION_FORM_ID]: escalationForm,
};

const built = new WeakMap<KnowledgeBase, Map<string, FormDefinition>>();

export function formById(id: string, kb?: KnowledgeBase): FormDefinition | undefined {
  if (FORMS[id]) return FORMS[id];
  const make = KB_FORMS[id];
  if (!make || !kb) return undefined;
  let forms = built.get(kb);
  if (!forms) built.set(kb, (forms = new Map()));
  let def = forms.get(id);
  if (!def) forms.set(id, (def = make(kb)));
  return def;
}

export { startForm, startFormWith, answerStep, askAgain, formHelp, isSkipped, stepQuestion, type Prefill, type StepOutcome } from './runner';
export type { FormDefinition, FormField, FormContext, FormRunInfo } from './types';
