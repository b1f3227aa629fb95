// Runs any FormDefinition one step per turn: validate, re-ask with the reason, allow a
// skip after repeated failures, and hand the collected values to the form's completion.
import type { Understanding } from '../../../intents';
import { phrasePairs } from '../../../knowledge';
import { textReply } from '../replies';
import type { Reply } from '../types';
import type { FormCompletion, FormContext, FormDefinition } from './types';

/** The value of an item the user chose to skip (see isSkipped). */
export const SKIPPED = '__skipped__';

// The words are in knowledge/phrases.yaml (group form).
const T = phrasePairs({
  tryAgain: 'form.try_again',
  skip: 'form.skip',
  skipHint: 'form.skip_hint',
  cancelHint: 'form.cancel_hint',
  more: 'form.intro_more',
  yes: 'form.confirm_yes',
});

/** Words that confirm a detail shown back for confirmation (either language, as typed or as the button). */
const YES = new Set(['ya', 'yes', 'y', 'betul', 'ya betul', 'yes correct', 'yes, correct', 'ya, betul', 'ok', 'okay', 'correct', 'confirm', 'sah', 'ye', 'yup', 'yep']);

/** What the intro's "more" button sends back; never taken as an answer. */
const MORE_VALUE = '__intro_more__';

export function startForm(def: FormDefinition, ctx: FormContext): Reply[] {
  const outcome = startFormWith(def, ctx, {});
  // Without anything pre-filled a form always has a first question.
  return outcome.kind === 'next' ? outcome.replies : outcome.completion.replies;
}

/** What the message that started a form already said: answers to take as given, or to confirm at their step. */
export interface Prefill {
  values?: Record<string, string>;
  confirm?: Record<string, string>;
}

/**
 * Starts a form at its first missing step, with what the opening message already said. When nothing is
 * missing the form completes at once ("RM8,000 caruman bulan Ogos, bayar 3 Oktober": the estimate).
 */
export function startFormWith(def: FormDefinition, ctx: FormContext, prefill: Prefill): StepOutcome {
  const values = { ...(prefill.values ?? {}) };
  const toConfirm = { ...(prefill.confirm ?? {}) };
  const step = nextStep(def, values, 0);
  if (step >= def.fields.length) {
    ctx.state.form = null;
    return { kind: 'done', completion: def.complete(values, ctx, { startedAt: ctx.now.toISOString() }) };
  }
  ctx.state.form = { id: def.id, step, values, tries: 0, startedAt: ctx.now.toISOString() };
  if (Object.keys(toConfirm).length > 0) ctx.state.form.confirm = toConfirm;
  const intro = def.intro ? def.intro[ctx.lang] + '\n\n' : '';
  const more = def.introMore ? [ctx.offers.button(T.more[ctx.lang], { kind: 'text', text: MORE_VALUE })] : [];
  return { kind: 'next', replies: [promptReply(def, ctx, intro, more)] };
}

/** The first step from `from` that still needs an answer. */
function nextStep(def: FormDefinition, values: Record<string, string>, from: number): number {
  let step = from;
  while (step < def.fields.length) {
    const f = def.fields[step];
    if (values[f.name] === undefined && (f.needed ? f.needed(values) : true)) break;
    step += 1;
  }
  return step;
}

/** The question of the current step: its prompt, or the confirmation of what the opening message said. */
export function stepQuestion(def: FormDefinition, ctx: FormContext): string {
  const form = ctx.state.form!;
  const field = def.fields[form.step];
  const said = form.confirm?.[field.name];
  if (said !== undefined && field.confirm) return field.confirm[ctx.lang].replace('{value}', said);
  return field.ask ? field.ask(form.values, ctx.lang) : field.prompt[ctx.lang];
}

function promptReply(def: FormDefinition, ctx: FormContext, prefix = '', extra: Reply['suggestedActions'] = []): Reply {
  const form = ctx.state.form!;
  const field = def.fields[form.step];
  const confirming = form.confirm?.[field.name] !== undefined && field.confirm !== undefined;
  const titles = confirming ? [T.yes[ctx.lang]] : field.suggestions ? field.suggestions(ctx.state, ctx.lang) : [];
  const actions = titles.map((t) => ctx.offers.button(t, { kind: 'text', text: t }));
  const reply = textReply(prefix + stepQuestion(def, ctx), [...actions, ...(extra ?? [])]);
  // A question made from the answers shows them back (names, contact): the transcript keeps a placeholder.
  if (field.ask) reply.transcriptText = `${prefix}[${field.name}]`;
  return reply;
}

/** The current question again after the bot answered something else in between (the form stays). */
export function askAgain(def: FormDefinition, ctx: FormContext, prefix: string): Reply {
  return promptReply(def, ctx, prefix);
}

export function formHelp(def: FormDefinition, ctx: FormContext): Reply[] {
  const field = def.fields[ctx.state.form!.step];
  return [textReply(`${field.help[ctx.lang]}\n\n${stepQuestion(def, ctx)}\n${T.cancelHint[ctx.lang]}`)];
}

export type StepOutcome = { kind: 'next'; replies: Reply[] } | { kind: 'done'; completion: FormCompletion };

export function answerStep(def: FormDefinition, ctx: FormContext, text: string, u: Understanding): StepOutcome {
  const form = ctx.state.form!;
  const field = def.fields[form.step];
  // "More" on the intro: the rest of it, then the same question again (not an answer, not a try).
  if (text === MORE_VALUE) return { kind: 'next', replies: [promptReply(def, ctx, def.introMore ? `${def.introMore[ctx.lang]}\n\n` : '')] };
  // Either language's word skips, in case the user types it instead of pressing the button.
  const typed = text.trim().toLowerCase();
  const skipping = form.tries >= def.maxTries && def.maxTries > 0 && (typed === T.skip.ms.toLowerCase() || typed === T.skip.en.toLowerCase());
  // A detail the opening message gave is kept when the user confirms it ("ya"), replaced by a new answer otherwise.
  const said = form.confirm?.[field.name];
  const confirmed = said !== undefined && YES.has(typed.replace(/[.!\s]+$/, ''));
  const result = skipping ? null : confirmed ? { ok: true as const, value: said } : field.validate(text, u);

  if (result && !result.ok && result.choices) {
    const buttons = result.choices.map((t) => ctx.offers.button(t, { kind: 'text', text: t }));
    return { kind: 'next', replies: [textReply(result.reason[ctx.lang], buttons)] };
  }
  if (result && !result.ok) {
    form.tries += 1;
    const canSkip = def.maxTries > 0 && form.tries >= def.maxTries;
    const actions = canSkip ? [ctx.offers.button(T.skip[ctx.lang], { kind: 'text', text: T.skip[ctx.lang] })] : [];
    const hint = canSkip ? T.skipHint[ctx.lang] : T.cancelHint[ctx.lang];
    return { kind: 'next', replies: [textReply(`${result.reason[ctx.lang]} ${T.tryAgain[ctx.lang]}\n${field.prompt[ctx.lang]}\n${hint}`, actions)] };
  }

  const reopen = result?.reopen ? def.fields.findIndex((f) => f.name === result.reopen) : -1;
  if (reopen >= 0) {
    // Just that item again; the ones after it are kept, so the form comes straight back here.
    delete form.values[def.fields[reopen].name];
    delete form.values[field.name];
    form.step = reopen;
    form.tries = 0;
    return { kind: 'next', replies: [promptReply(def, ctx)] };
  }
  form.values[field.name] = result ? result.value : SKIPPED;
  if (form.confirm) delete form.confirm[field.name];
  form.step = nextStep(def, form.values, form.step + 1);
  form.tries = 0;
  if (form.step < def.fields.length) {
    const echo = result?.display ? `${result.display}\n\n` : '';
    return { kind: 'next', replies: [promptReply(def, ctx, echo)] };
  }
  const values = { ...form.values };
  const info = { startedAt: form.startedAt ?? null };
  ctx.state.form = null;
  return { kind: 'done', completion: def.complete(values, ctx, info) };
}

export function isSkipped(value: string | undefined): boolean {
  return value === undefined || value === SKIPPED;
}
