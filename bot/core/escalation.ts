// Handing the user to a person: a short intro (the human_handoff answer with the live Careline
// status), the privacy notice and the first checklist question, all in one reply.
import type { KnowledgeBase } from '../../knowledge';
import { formById, startForm, type FormContext } from './forms';
import { ESCALATION_FORM_ID } from './forms/escalation';
import { textReply } from './replies';
import type { Reply } from './types';

export function escalationStart(kb: KnowledgeBase, ctx: FormContext): Reply[] {
  const intro = kb.answer('human_handoff', ctx.lang, { now: ctx.now }).text.trim();
  const form = formById(ESCALATION_FORM_ID, kb);
  if (!form) return [textReply(intro)];
  // No buttons here: while the form runs, whatever the user sends is the answer to its question.
  const [first, ...rest] = startForm(form, ctx);
  return [{ ...first, text: `${intro}\n\n${first.text}` }, ...rest];
}
