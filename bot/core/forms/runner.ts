// Runs any FormDefinition one step per turn: validate, re-ask with the reason, allow a
// skip after repeated failures, and hand the collected values to the form's completion.
import type { Understanding } from '../../../intents';
import { textReply } from '../replies';
import type { Reply } from '../types';
import type { FormCompletion, FormContext, FormDefinition } from './types';

const SKIP_VALUE = '__skipped__';

const T = {
  tryAgain: { ms: 'Cuba sekali lagi.', en: 'Please try again.' },
  skip: { ms: 'Langkau', en: 'Skip' },
  skipHint: {
    ms: 'Jika anda tiada maklumat ini sekarang, tekan "Langkau".',
    en: 'If you do not have this now, press "Skip".',
  },
  cancelHint: { ms: 'Taip "batal" untuk berhenti.', en: 'Type "cancel" to stop.' },
  more: { ms: 'Privasi: lagi', en: 'Privacy: more' },
};

/** What the intro's "more" button sends back; never taken as an answer. */
const MORE_VALUE = '__intro_more__';

export function startForm(def: FormDefinition, ctx: FormContext): Reply[] {
  ctx.state.form = { id: def.id, step: 0, values: {}, tries: 0, startedAt: ctx.now.toISOString() };
  const intro = def.intro ? def.intro[ctx.lang] + '\n\n' : '';
  const more = def.introMore ? [ctx.offers.button(T.more[ctx.lang], { kind: 'text', text: MORE_VALUE })] : [];
  return [promptReply(def, ctx, intro, more)];
}

function promptReply(def: FormDefinition, ctx: FormContext, prefix = '', extra: Reply['suggestedActions'] = []): Reply {
  const form = ctx.state.form!;
  const field = def.fields[form.step];
  const titles = field.suggestions ? field.suggestions(ctx.state, ctx.lang) : [];
  const actions = titles.map((t) => ctx.offers.button(t, { kind: 'text', text: t }));
  return textReply(prefix + field.prompt[ctx.lang], [...actions, ...(extra ?? [])]);
}

export function formHelp(def: FormDefinition, ctx: FormContext): Reply[] {
  const field = def.fields[ctx.state.form!.step];
  return [textReply(`${field.help[ctx.lang]}\n\n${field.prompt[ctx.lang]}\n${T.cancelHint[ctx.lang]}`)];
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
  const result = skipping ? null : field.validate(text, u);

  if (result && !result.ok) {
    form.tries += 1;
    const canSkip = def.maxTries > 0 && form.tries >= def.maxTries;
    const actions = canSkip ? [ctx.offers.button(T.skip[ctx.lang], { kind: 'text', text: T.skip[ctx.lang] })] : [];
    const hint = canSkip ? T.skipHint[ctx.lang] : T.cancelHint[ctx.lang];
    return { kind: 'next', replies: [textReply(`${result.reason[ctx.lang]} ${T.tryAgain[ctx.lang]}\n${field.prompt[ctx.lang]}\n${hint}`, actions)] };
  }

  form.values[field.name] = result ? result.value : SKIP_VALUE;
  form.step += 1;
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
  return value === undefined || value === SKIP_VALUE;
}
