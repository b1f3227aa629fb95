// Handing the user to a person: a short intro (the human_handoff answer with the live Careline
// status), the privacy notice and the first checklist question, all in one reply.
import type { KnowledgeBase } from '../../knowledge';
import { formById, startFormWith, type FormContext } from './forms';
import { ESCALATION_FORM_ID } from './forms/escalation';
import { textReply } from './replies';
import type { Reply } from './types';

/** `confirm`: checklist items the request already gave, shown back at their step (e.g. the problem). */
export function escalationStart(kb: KnowledgeBase, ctx: FormContext, confirm: Record<string, string> = {}): Reply[] {
  const intro = kb.answer('human_handoff', ctx.lang, { now: ctx.now }).text.trim();
  const form = formById(ESCALATION_FORM_ID, kb);
  if (!form) return [textReply(intro)];
  // No buttons here: while the form runs, whatever the user sends is the answer to its question.
  const started = startFormWith(form, ctx, { confirm });
  const [first, ...rest] = started.kind === 'next' ? started.replies : started.completion.replies;
  return [{ ...first, text: `${intro}\n\n${first.text}` }, ...rest];
}
