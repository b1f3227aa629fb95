// The conversation engine: (state, message) -> (replies, new state, effects). Pure: no I/O,
// the clock is passed in, and everything it knows comes through CoreDeps.
import { isIntent, type IntentId, type Ranked, type Understander, type Understanding } from '../../intents';
import type { HandlerName, KnowledgeBase } from '../../knowledge';
import type { Calculator } from '../../calculators';
import { globalCommand } from './commands';
import { answerStep, askAgain, formById, formHelp, startForm, startFormWith, type FormContext, type FormDefinition, type StepOutcome } from './forms';
import { decide, FORM_IDLE_MINUTES, MAX_MESSAGE_CHARS, MISSES_BEFORE_OFFICER, type Decision } from './policy';
import { topicFollowedUp } from './topic-follow-up';
import { quoteReply } from './quote-flow';
import { ownWords, quoteLike, readAfterQuote } from './quote-fragment';
import { requestFromEntities, wageOf } from './quote-request';
import { workersReply } from './workers-quote';
import { interestRequest } from './interest-request';
import { interruption, type Interruption } from './form-interrupt';
import { asksForPerson, problemInOfficerRequest } from './officer-problem';
import { QUOTE_WAGE_FORM_ID, quoteWagePrefill } from './forms/quote-wage';
import { quoteWhyReply } from './quote-text';
import { answerReply, Offers, textReply } from './replies';
import { safetyWarnings } from './safety';
import { S, intentLabel } from './strings';
import { quotaReply, ticketAllowanceUsed } from './ticket-quota';
import { appendTurns } from './transcript';
import { escalationStart } from './escalation';
import { safeFileName, textfileReply } from './textfile-reply';
import { answerIdOf, missingAnswer, pressFeedback, withRating } from './feedback';
import { validateEmployerCode, validateMyKad } from '../../intents/validators';
import { LATE_INTEREST_BUTTON, LATE_INTEREST_FORM_ID, lateInterestForm } from './forms/late-interest';
import {
  newConversationState,
  type ConversationState,
  type Effect,
  type Lang,
  type OfferedAction,
  type Reply,
  type TurnOutcome,
  type TurnResult,
  type UserMessage,
  type MessageAttachment,
} from './types';

export interface CoreDeps {
  understander: Understander;
  kb: KnowledgeBase;
  /** Contribution quotes over schedules loaded once at start-up (bot/app.ts). */
  calculator: Calculator;
}

const DEFAULT_LANG: Lang = 'ms';
// The Islamic salam, not the secular "salam sejahtera" or "salam hormat".
const SALAM = /\b(?:assalamualaikum|assalamu alaikum|salamualaikum|askum|as salam)\b|\bsalam\b(?! sejahtera| hormat| perkenalan| 1malaysia)/;

interface Turn {
  deps: CoreDeps;
  state: ConversationState;
  lang: Lang;
  now: Date;
  offers: Offers;
  replies: Reply[];
  effects: Effect[];
  intent: string | null;
  confidence: number | null;
  outcome?: TurnOutcome;
  ranking?: Ranked[];
  /** What the transcript keeps of the user's message when a form step marks it personal. */
  transcriptText?: string;
  channel: string;
  /** Set when the last turn was a 👎: this message may say what was missing. */
  feedbackAsked?: ConversationState['feedbackAsked'];
}

/** Channels whose clients can attach a file for the text-file check. */
const UPLOAD_CHANNELS = new Set(['webchat', 'msteams']);
const ID_VALIDATORS = { validateMyKad, validateEmployerCode };

/**
 * Runs one turn. Takes ownership of `previous`: the turn changes it in place and returns it as the new
 * state (a copy would be wasted work, since the conversation service parses the state fresh from the
 * store on every turn). A caller that keeps using the old state passes a copy (structuredClone).
 */
export function runTurn(deps: CoreDeps, previous: ConversationState | undefined, message: UserMessage, now: Date): TurnResult {
  const state: ConversationState = previous ?? newConversationState();
  const text = (message.text ?? '').trim();
  const t: Turn = {
    deps, state, now, lang: state.lang ?? DEFAULT_LANG, offers: new Offers(deps.kb), replies: [], effects: [], intent: null, confidence: null, channel: message.channel,
    feedbackAsked: state.feedbackAsked,
  };
  // One message only may answer "what was missing?".
  delete state.feedbackAsked;

  const lastAt = state.transcript.at(-1)?.at;
  if (state.form && lastAt && now.getTime() - Date.parse(lastAt) > FORM_IDLE_MINUTES * 60_000) state.form = null;

  if (message.attachment) return answerFile(t, message.attachment, text, message.channel);

  if (text.length > MAX_MESSAGE_CHARS) {
    t.replies.push(textReply(S.tooLong[t.lang]));
    return finish(t, `[${text.length} characters, not read]`, message.channel);
  }
  if (text.length === 0) {
    t.replies.push(textReply(S.empty[t.lang], mainTopics(t)));
    return finish(t, '', message.channel);
  }

  // Until the user's own words show a language, the default must not stick ("hi" then English).
  const u = deps.understander.understand(text, { lang: state.langSettled ? state.lang ?? undefined : undefined, now });
  t.lang = u.langSwitch ?? (u.langEvidence || !state.lang ? u.lang : state.lang);
  state.lang = t.lang;
  if (u.langEvidence) state.langSettled = true;

  if (u.langSwitch) {
    t.replies.push(textReply(S.languageSwitched[t.lang], mainTopics(t)));
    return finish(t, text, message.channel);
  }

  // An own property only: "__proto__" or "constructor" typed by a user is a message, not a button.
  const key = text.toLowerCase();
  handle(t, text, u, Object.hasOwn(state.offered, key) ? state.offered[key] : undefined);
  return finish(t, text, message.channel);
}

/**
 * An attached file is checked as a contribution text file. Its content stays in this call: the transcript
 * keeps only its name and size, and the language is the conversation's (or the caption's, if it shows one).
 */
function answerFile(t: Turn, file: MessageAttachment, caption: string, channel: string): TurnResult {
  if (caption !== '' && caption.length <= MAX_MESSAGE_CHARS) {
    const u = t.deps.understander.understand(caption, { lang: t.state.langSettled ? t.state.lang ?? undefined : undefined, now: t.now });
    if (u.langEvidence) {
      t.lang = u.lang;
      t.state.langSettled = true;
    }
  }
  t.state.lang = t.lang;
  const bytes = Buffer.from(file.text, 'latin1');
  const { reply, report } = textfileReply({ name: file.name, contentType: file.contentType, bytes }, t.lang, { now: t.now, ids: ID_VALIDATORS });
  if (report) reply.attachments = [report];
  t.replies.push(reply);
  t.intent = 'upload_contribution_file';
  t.state.lastIntent = 'upload_contribution_file';
  t.state.misses = 0;
  noteTopic(t, 'upload_contribution_file');
  return finish(t, `[file ${safeFileName(file.name)}, ${file.size} bytes]`, channel);
}

/** The bilingual welcome when a user joins the conversation. Takes ownership of `previous`, as runTurn does. */
export function welcome(deps: CoreDeps, previous: ConversationState | undefined): TurnResult {
  const state: ConversationState = previous ?? newConversationState();
  const offers = new Offers(deps.kb);
  const actions = deps.kb.catalogue.menu().map((i) => {
    const title = `${intentLabel(deps.kb, i, 'ms')} / ${intentLabel(deps.kb, i, 'en')}`;
    return offers.button(title, { kind: 'intent', intent: i });
  });
  const text = `${deps.kb.phrase('welcome', 'ms')}\n\n${deps.kb.phrase('welcome', 'en')}`;
  state.offered = offers.actions;
  return { replies: [{ text, suggestedActions: actions }], state, effects: [], meta: { intent: null, confidence: null, lang: state.lang ?? DEFAULT_LANG } };
}

function handle(t: Turn, text: string, u: Understanding, offered: OfferedAction | undefined): void {
  const { state } = t;
  const form = state.form ? formById(state.form.id, t.deps.kb) : undefined;
  const command = globalCommand(text);

  if (command === 'cancel') {
    const had = state.form !== null;
    state.form = null;
    // Nothing said before the cancel is followed up afterwards: "2500" next is not a quote fragment.
    state.lastIntent = null;
    t.replies.push(textReply((had ? S.cancelled : S.nothingToCancel)[t.lang], mainTopics(t)));
    return;
  }

  // Safety warnings come first, except for the personal data a form step is asking for.
  const field = form ? form.fields[state.form!.step] : undefined;
  t.replies.push(...safetyWarnings(t.deps.kb, u, t.lang, field?.personal === true));

  if (form && state.form) {
    const ctx = formContext(t);
    if (command === 'help') {
      t.replies.push(...formHelp(form, ctx));
      return;
    }
    if (command === 'menu') {
      state.form = null;
      answerIntent(t, 'help_menu', u);
      return;
    }
    // A question or another request is answered and the question asked again; asking for an officer
    // in a quote or interest form switches to the escalation checklist. A pressed button is an answer.
    const asked = offered ? null : interruption(form, field!, text, u, t.deps.kb.catalogue);
    if (asked?.kind === 'leave') {
      state.form = null;
      answerIntent(t, asked.intent, u);
      return;
    }
    if (asked) {
      answerInsideForm(t, form, asked, u);
      return;
    }
    if (field?.redactAs) t.transcriptText = field.redactAs;
    const outcome = answerStep(form, ctx, offered?.kind === 'text' ? offered.text : text, u);
    pushOutcome(t, outcome);
    // The quote form's answer is a quote like any other.
    t.intent = outcome.kind === 'done' && form.id === QUOTE_WAGE_FORM_ID ? 'contribution_quote' : form.id;
    return;
  }

  if (offered) {
    followOffer(t, offered, u);
    return;
  }
  if (command === 'help' || command === 'menu') {
    answerIntent(t, 'help_menu', u);
    return;
  }
  const before = t.replies.length;
  route(t, u);
  // After a 👎, a message the bot cannot place is taken as what was missing (anything else is just answered).
  if (t.feedbackAsked && (t.outcome === 'miss' || t.outcome === 'out_of_scope' || t.outcome === 'clarify')) {
    if (t.outcome !== 'clarify') state.misses = Math.max(0, state.misses - 1);
    const missing = missingAnswer(t.deps.kb, t.feedbackAsked, text, t.lang, [t.offers.intent('human_handoff', t.lang)]);
    t.replies.splice(before, t.replies.length - before, missing.reply);
    t.effects.push(missing.effect);
    t.outcome = undefined;
    t.ranking = undefined;
    t.intent = null;
  }
}

function formContext(t: Turn): FormContext {
  return { kb: t.deps.kb, calculator: t.deps.calculator, state: t.state, lang: t.lang, now: t.now, offers: t.offers };
}

function pushOutcome(t: Turn, outcome: StepOutcome): void {
  if (outcome.kind === 'next') t.replies.push(...outcome.replies);
  else {
    t.replies.push(...outcome.completion.replies);
    t.effects.push(...outcome.completion.effects);
  }
}

/** Answers a question asked inside a form, then asks the form's question again (the form stays). */
function answerInsideForm(t: Turn, form: FormDefinition, asked: Exclude<Interruption, null | { kind: 'officer' }>, u: Understanding): void {
  const field = form.fields[t.state.form!.step];
  if (asked.kind === 'answer') {
    const answer = t.deps.kb.answer(asked.intent, t.lang, { now: t.now, agency: u.entities.agency, message: u.normalised });
    // No buttons of the answer: while the form runs, the buttons are the form's own.
    t.replies.push(answerReply({ ...answer, suggestions: [] }, t.lang, t.offers));
    noteTopic(t, asked.intent);
    t.intent = asked.intent;
  } else {
    t.replies.push(textReply(field.help[t.lang]));
    t.intent = form.id;
  }
  t.replies.push(askAgain(form, formContext(t), `${t.deps.kb.phrase('form_back_to_question', t.lang)}\n`));
}

function followOffer(t: Turn, action: OfferedAction, u: Understanding): void {
  switch (action.kind) {
    case 'intent':
      answerIntent(t, action.intent, u);
      return;
    case 'more': {
      const more = t.deps.kb.more(action.intent, t.lang);
      if (more) t.replies.push(rated(t, answerReply(more, t.lang, t.offers), more));
      else answerIntent(t, action.intent, u);
      t.intent = action.intent;
      return;
    }
    case 'quote_change': {
      if (!t.state.lastQuote) {
        answerIntent(t, 'contribution_quote', u);
        return;
      }
      sendQuote(t, { ...t.state.lastQuote, ...action.change });
      return;
    }
    case 'quote_why':
      t.intent = 'contribution_quote';
      t.replies.push(quoteWhyReply(t.deps.calculator, action.request, action.at, t.lang, t.offers));
      return;
    case 'text': {
      const routed = t.deps.understander.understand(action.text, { lang: t.lang, now: t.now });
      route(t, { ...routed, lang: t.lang });
      return;
    }
    case 'feedback': {
      const pressed = pressFeedback(t.deps.kb, t.state, action, t.lang, [t.offers.intent('human_handoff', t.lang)], t.now);
      t.replies.push(pressed.reply);
      t.effects.push(pressed.effect);
      return;
    }
    case 'form': {
      const def = formById(action.form, t.deps.kb);
      if (def) t.replies.push(...startForm(def, formContext(t)));
      t.intent = action.form;
      return;
    }
  }
}

function route(t: Turn, u: Understanding): void {
  const e = u.entities;
  // Late-payment interest asked in one message: the estimate, or the form asking only what is missing.
  const interest = interestRequest(u);
  if (interest) {
    t.intent = LATE_INTEREST_FORM_ID;
    t.state.lastIntent = 'late_payment';
    noteTopic(t, 'late_payment');
    pushOutcome(t, startFormWith(lateInterestForm, formContext(t), { values: interest }));
    return;
  }
  // Several workers in one message: one reply with a row each and the totals.
  const catalogue = t.deps.kb.catalogue;
  if (e.workers.length >= 2 && !e.correction && quoteLike(u, catalogue)) {
    sendWorkers(t, u);
    return;
  }
  // Right after a quote, a fragment changes the last quote; a full question starts from the defaults.
  const after = isIntent(t.state.lastIntent, 'contribution_quote') ? readAfterQuote(u, t.state.lastQuote, catalogue) : null;
  if (after) {
    sendQuote(t, after.request);
    return;
  }
  // A wage with no other clear topic is a quote question ("gaji 2500 berapa?", "what about RM7,000",
  // "2500 umur 62"), as is a wage with nothing but quote details around it.
  // A wage with a quote detail said in passing is a quote too, whatever the classifier's reading: opted
  // out of LINDUNG or first insured at 57 (the LINDUNG words may lead it to the LINDUNG answer; a question
  // about the opt-out itself has no such fact, the extractor leaves it null), or the worker's age or
  // nationality ("gaji 2000 pekerja asing" is not the immigration answer) unless another agency is named
  // ("levi pekerja asing 2000" is).
  const quoteFact = e.skbbkOptOut !== null || e.firstInsuredAge !== null || ((e.ages.length > 0 || e.foreign !== null) && e.agency === null);
  if (wageOf(e) !== undefined && (quoteLike(u, catalogue) || quoteFact || ownWords(u).length === 0)) {
    sendQuote(t, requestFromEntities(e, null)!);
    return;
  }

  const decision = decide(u);
  t.confidence = u.confidence;
  // What the console's not-understood queue and insights read (TurnMeta.outcome).
  t.ranking = u.ranking;
  t.outcome = decision.kind === 'miss' ? (isIntent(u.intent, 'out_of_scope') ? 'out_of_scope' : 'miss') : decision.kind;
  // "talk to an officer, my file keeps getting rejected": the problem words may outweigh the request
  // in the classifier, but a person was asked for; the problem pre-fills the checklist.
  if (!isIntent(u.intent, 'human_handoff') && asksForPerson(u.text)) {
    t.outcome = 'answer';
    answerIntent(t, 'human_handoff', u);
    return;
  }
  if (followsUpLastTopic(t, u, decision)) return;
  if (decision.kind === 'answer') {
    answerIntent(t, decision.intent, u);
    return;
  }
  if (decision.kind === 'clarify') {
    t.intent = u.intent;
    const actions = decision.intents.map((i) => t.offers.intent(i, t.lang));
    actions.push(t.offers.intent('human_handoff', t.lang));
    t.replies.push(textReply(S.clarify[t.lang], actions));
    return;
  }
  miss(t, u);
}

/** Answers an unsure short message as a follow-up on the last topic, with the topic's continuation. */
function followsUpLastTopic(t: Turn, u: Understanding, decision: Decision): boolean {
  const last = topicFollowedUp(t.deps, t.state, u, decision, t.lang);
  if (!last) return false;
  // The continuation usually holds the details people ask next (documents, timing, exceptions).
  const more = t.deps.kb.more(last, t.lang, { now: t.now });
  t.intent = last;
  t.outcome = 'answer';
  t.state.misses = 0;
  const answer = more ?? t.deps.kb.answer(last, t.lang, { now: t.now });
  t.replies.push(rated(t, answerReply(answer, t.lang, t.offers), answer));
  return true;
}

function miss(t: Turn, u: Understanding): void {
  t.intent = 'out_of_scope';
  t.state.misses += 1;
  // The message picks a part of the refusal: a worker's own claim is pointed to PERKESO's benefit channels.
  const answer = t.deps.kb.answer('out_of_scope', t.lang, { now: t.now, message: u.normalised });
  const reply = answerReply(answer, t.lang, t.offers);
  if (t.state.misses >= MISSES_BEFORE_OFFICER) {
    reply.text += `\n\n${t.deps.kb.phrase('out_of_scope_second_miss', t.lang)}`;
    reply.suggestedActions = mergeActions(reply, [t.offers.intent('human_handoff', t.lang)]);
  }
  t.replies.push(reply);
}

/** Records a topic an officer may need to know about (small talk is not one). */
function noteTopic(t: Turn, intent: IntentId): void {
  if (!t.deps.kb.catalogue.has(intent, 'small_talk') && !t.state.topics.includes(intent)) t.state.topics.push(intent);
}

/** The main topics (the catalogue's menu places) as buttons. */
function mainTopics(t: Turn): ReturnType<Offers['intent']>[] {
  return t.deps.kb.catalogue.menu().map((i) => t.offers.intent(i, t.lang));
}

function answerIntent(t: Turn, intent: IntentId, u: Understanding): void {
  t.intent = intent;
  t.state.misses = 0;
  t.state.lastIntent = intent;
  noteTopic(t, intent);
  HANDLERS[t.deps.kb.catalogue.handler(intent)](t, intent, u);
}

type Handler = (t: Turn, intent: IntentId, u: Understanding) => void;

/** What each handler of the intent catalogue (knowledge/intents.yaml) does. */
const HANDLERS: Record<HandlerName, Handler> = {
  answer(t, intent, u) {
    const answer = t.deps.kb.answer(intent, t.lang, { now: t.now, message: u.normalised });
    t.replies.push(rated(t, answerReply(answer, t.lang, t.offers), answer));
  },
  redirect(t, intent, u) {
    // The answer for the agency the message names, when that agency has its own.
    const answer = t.deps.kb.answer(intent, t.lang, { now: t.now, agency: u.entities.agency, message: u.normalised });
    t.replies.push(rated(t, answerReply(answer, t.lang, t.offers), answer));
  },
  menu(t, intent) {
    menuReply(t, intent, '');
  },
  greeting(t, intent, u) {
    // A salam is answered in kind before anything else.
    menuReply(t, intent, SALAM.test(u.normalised) ? `${t.deps.kb.phrase('salam_reply', t.lang)} ` : '');
  },
  quote(t, _intent, u) {
    const req = requestFromEntities(u.entities, null);
    if (req) {
      sendQuote(t, req);
      return;
    }
    if (u.entities.workers.length >= 2) {
      sendWorkers(t, u);
      return;
    }
    // No wage yet: ask for it, keeping what the message said (age, status, month, opt-out).
    pushOutcome(t, startFormWith(formById(QUOTE_WAGE_FORM_ID)!, formContext(t), { values: quoteWagePrefill(u.entities) }));
  },
  handoff(t, _intent, u) {
    const filed = ticketAllowanceUsed(t.state.tickets, t.now);
    if (filed) {
      t.replies.push(quotaReply(t.lang, filed));
      return;
    }
    // A problem stated with the request is shown back at the problem step (the employer number is still asked first).
    const problem = problemInOfficerRequest(u.text);
    t.replies.push(...escalationStart(t.deps.kb, formContext(t), problem ? { problem } : {}));
  },
  interest(t, intent) {
    // The answer, plus a way into the interest estimate.
    const answer = t.deps.kb.answer(intent, t.lang, { now: t.now });
    const reply = answerReply(answer, t.lang, t.offers);
    const estimate = t.offers.button(LATE_INTEREST_BUTTON[t.lang], { kind: 'form', form: LATE_INTEREST_FORM_ID });
    reply.suggestedActions = mergeActions(reply, [estimate]);
    t.replies.push(rated(t, reply, answer));
  },
  upload(t, intent) {
    // Where the channel takes files, the bot can check the file that ASSIST rejected.
    const answer = t.deps.kb.answer(intent, t.lang, { now: t.now });
    const reply = answerReply(answer, t.lang, t.offers);
    if (UPLOAD_CHANNELS.has(t.channel)) reply.text = `${reply.text}\n\n${t.deps.kb.phrase('textfile_attach_ask', t.lang)}`;
    t.replies.push(rated(t, reply, answer));
  },
};

/** The answer with the main topics as its buttons (the answer's own suggestions would only repeat them). */
function menuReply(t: Turn, intent: IntentId, prefix: string): void {
  const answer = t.deps.kb.answer(intent, t.lang, { now: t.now });
  const reply = answerReply({ ...answer, suggestions: [] }, t.lang, t.offers, prefix);
  reply.suggestedActions = mainTopics(t);
  t.replies.push(reply);
}

/** An answer or quote the user can rate 👍 / 👎. */
function rated(t: Turn, reply: Reply, answer: { intent: string; parts?: string[] }): Reply {
  return withRating(reply, t.deps.kb, t.offers, t.lang, answerIdOf(answer), answer.intent);
}

function sendWorkers(t: Turn, u: Understanding): void {
  markQuote(t);
  // The list has no single last quote to change: a fragment after it would guess which worker.
  t.state.lastQuote = null;
  t.replies.push(rated(t, workersReply(t.deps.kb, u.entities.workers, u.entities, t.lang, t.now, t.deps.calculator), { intent: 'contribution_quote' }));
}

function markQuote(t: Turn): void {
  t.intent = 'contribution_quote';
  t.state.lastIntent = 'contribution_quote';
  t.state.misses = 0;
  noteTopic(t, 'contribution_quote');
}

function sendQuote(t: Turn, req: Parameters<typeof quoteReply>[1]): void {
  markQuote(t);
  const outcome = quoteReply(t.deps.calculator, req, t.lang, t.offers, t.now);
  if (outcome.request) t.state.lastQuote = outcome.request;
  t.replies.push(outcome.request ? rated(t, outcome.reply, { intent: 'contribution_quote' }) : outcome.reply);
}

/** Puts `first` ahead of the reply's own buttons, without repeating a title. */
function mergeActions(reply: Reply, first: { title: string; value: string }[]) {
  const all = [...first, ...(reply.suggestedActions ?? [])];
  const seen = new Set<string>();
  return all.filter((a) => !seen.has(a.title.toLowerCase()) && seen.add(a.title.toLowerCase()) !== undefined);
}

function finish(t: Turn, userText: string, _channel: string): TurnResult {
  t.state.offered = t.offers.actions;
  t.state.transcript = appendTurns(t.state.transcript, t.transcriptText ?? userText, t.replies, t.now, t);
  return { replies: t.replies, state: t.state, effects: t.effects, meta: { intent: t.intent, confidence: t.confidence, lang: t.lang, ...(t.outcome ? { outcome: t.outcome, ranking: t.ranking } : {}) } };
}

