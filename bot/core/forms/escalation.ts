// The escalation checklist: what an officer needs to act without calling the employer back
// for it. Order fixed by CONTRACT.md "Escalation order". Prompts and error texts come from the
// knowledge base phrases (support staff edit them); the checks come from intents/validators.
import { maskMyKadDigits, redact, validateEmployerCode, validateMyKad, type Understanding } from '../../../intents';
import { phrasePair, phrasePairs, type KnowledgeBase, type PhraseKey } from '../../../knowledge';
import { intentLabel, type Bilingual } from '../strings';
import type { ConversationState, Lang, TicketDraft } from '../types';
import type { FieldResult, FormDefinition, FormField } from './types';
import { isSkipped, SKIPPED } from './runner';
import { fullTranscript } from '../transcript';

export const ESCALATION_FORM_ID = 'escalation';

/** Checklist item names, in the order asked; the ticket keeps the same names. */
export const CHECKLIST_FIELDS = ['employerCode', 'companyName', 'repName', 'mykad', 'problem'] as const;
export type ChecklistField = (typeof CHECKLIST_FIELDS)[number];

/** After the checklist: how to reach the user (optional), then the summary that files the ticket. */
export const CONTACT_FIELD = 'contact';
export const SUMMARY_FIELD = 'summary';
const SUMMARY_ITEMS: { name: string; label: PhraseKey }[] = [
  { name: 'employerCode', label: 'field_employer_code' },
  { name: 'companyName', label: 'field_company_name' },
  { name: 'repName', label: 'field_rep_name' },
  { name: 'mykad', label: 'field_mykad' },
  { name: 'problem', label: 'field_problem' },
  { name: CONTACT_FIELD, label: 'field_contact' },
];

/** Wrong answers before the user may skip an item. */
export const ESCALATION_MAX_TRIES = 3;

// The phrase file says what the data is used for; this adds why it is needed and how it is kept.
const PRIVACY_DETAIL: Bilingual = phrasePair('escalation.privacy_detail');

/** Said with `help` at each step: why the item is needed, and an example. */
const HELP: Record<ChecklistField, Bilingual> = phrasePairs({
  employerCode: 'escalation.help_employer_code',
  companyName: 'escalation.help_company_name',
  repName: 'escalation.help_rep_name',
  mykad: 'escalation.help_mykad',
  problem: 'escalation.help_problem',
});

const MYKAD_REASON: Record<'date' | 'place', Bilingual> = phrasePairs({
  date: 'escalation.mykad_bad_date',
  place: 'escalation.mykad_bad_place',
});

const MASKED_ECHO: Bilingual = phrasePair('escalation.mykad_received');


function phrase(kb: KnowledgeBase, key: PhraseKey): Bilingual {
  return { ms: kb.phrase(key, 'ms'), en: kb.phrase(key, 'en') };
}

const EMPLOYER_CODE_IN_TEXT = /[A-Za-z][\s-]?\d(?:[\s-]?\d){9}[\s-]?[A-Za-z](?![A-Za-z0-9])/;
const MYKAD_IN_TEXT = /\d{6}[\s-]?\d{2}[\s-]?\d{4}/;

function employerCode(kb: KnowledgeBase) {
  return (text: string, u: Understanding): FieldResult => {
    const candidate = u.entities.employerCodes[0] ?? EMPLOYER_CODE_IN_TEXT.exec(text)?.[0] ?? text;
    const r = validateEmployerCode(candidate);
    return r.ok ? { ok: true, value: r.code } : { ok: false, reason: phrase(kb, 'invalid_employer_code') };
  };
}

function companyName(kb: KnowledgeBase) {
  return (text: string): FieldResult => {
    const name = text.replace(/\s+/g, ' ').trim();
    const ok = name.length >= 2 && name.length <= 160 && /\p{L}/u.test(name);
    return ok ? { ok: true, value: name } : { ok: false, reason: phrase(kb, 'invalid_company_name') };
  };
}

// Letters, marks and the punctuation of Malaysian names ("a/l", "bin", "@", "Mohd.", "O'Neil").
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’@/()-]*$/u;

function repName(kb: KnowledgeBase) {
  return (text: string): FieldResult => {
    const name = text.replace(/\s+/g, ' ').trim();
    const letters = (name.match(/\p{L}/gu) ?? []).length;
    const ok = letters >= 2 && name.length <= 120 && NAME.test(name);
    return ok ? { ok: true, value: name } : { ok: false, reason: phrase(kb, 'invalid_rep_name') };
  };
}

function mykad(kb: KnowledgeBase) {
  return (text: string, u: Understanding): FieldResult => {
    const candidate = MYKAD_IN_TEXT.exec(text)?.[0] ?? text;
    // Only the number's validity and its masked echo are used here, never the birth date, so no clock is needed.
    const r = validateMyKad(candidate, null);
    if (r.ok) return { ok: true, value: r.digits, display: MASKED_ECHO[u.lang].replace('{masked}', r.masked) };
    return { ok: false, reason: r.reason === 'format' ? phrase(kb, 'invalid_mykad') : MYKAD_REASON[r.reason] };
  };
}

function problem(kb: KnowledgeBase) {
  return (text: string): FieldResult => {
    const p = text.trim();
    const ok = p.length >= 5 && (p.match(/\p{L}/gu) ?? []).length >= 3;
    // Masked before it is stored: the ticket, the e-mail, the staff page and the handoff event all read this value.
    return ok ? { ok: true, value: redact(p) } : { ok: false, reason: phrase(kb, 'invalid_problem') };
  };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
// Malaysian numbers: mobile 01x + 7-8 digits, landline 0[3-9] + 7-8 digits; +60 or 60 for the leading 0.
const MY_PHONE = /^(?:\+?60|0)(1\d{8,9}|[3-9]\d{7,8})$/;
// A run of digits with the spaces, dashes and brackets people write in a number.
const NUMBER_RUN = /\+?[\d(][\d\s().-]{7,}\d/g;
// "No contact" said in words ("tiada", "tak nak bagi", "no thanks"): the same as Skip.
const DECLINED = /^(tiada|takde|tak\s*de|tak\s*ada|xde|x\s*ada|no|none|nope|nil|n\/a|tidak|tak\s*nak|x\s*nak|tak\s*mahu|tak\s*perlu|rather\s+not|i'?d\s+rather\s+not)\b/i;

/**
 * An e-mail address (lower-cased) or a Malaysian phone number (written as officers dial it: 012-345 6789),
 * found in the answer even when said in a sentence ("email saya siti@maju.com.my", "call me at 012 345 6789").
 */
export function readContact(text: string): { email: string } | { phone: string } | null {
  const email = EMAIL.exec(text)?.[0];
  if (email && email.length <= 254) return { email: email.toLowerCase() };
  for (const run of text.match(NUMBER_RUN) ?? []) {
    const m = MY_PHONE.exec(run.replace(/[\s().-]/g, ''));
    if (m) return { phone: dialled(`0${m[1]}`) };
  }
  return null;
}

/** Prefix, then the number with a space before its last four digits: 012-345 6789, 03-2345 6789, 088-123 456. */
function dialled(number: string): string {
  const prefix = number.startsWith('01') || number.startsWith('08') ? 3 : 2;
  const rest = number.slice(prefix);
  const split = rest.length > 6 ? rest.length - 4 : 3;
  return `${number.slice(0, prefix)}-${rest.slice(0, split)} ${rest.slice(split)}`;
}

function contact(kb: KnowledgeBase) {
  return (text: string): FieldResult => {
    const typed = text.trim().toLowerCase();
    if (typed === kb.phrase('contact_skip', 'ms').toLowerCase() || typed === kb.phrase('contact_skip', 'en').toLowerCase()) return { ok: true, value: SKIPPED };
    const c = readContact(text);
    if (!c && DECLINED.test(typed) && !/[\d@]/.test(typed)) return { ok: true, value: SKIPPED };
    if (!c) return { ok: false, reason: phrase(kb, 'invalid_contact') };
    return { ok: true, value: 'email' in c ? c.email : c.phone };
  };
}

/** The ticket's contact from the step's value. */
function contactOf(value: string | undefined): TicketDraft['contact'] | undefined {
  if (isSkipped(value)) return undefined;
  return value!.includes('@') ? { email: value } : { phone: value };
}

function summaryText(kb: KnowledgeBase, values: Record<string, string>, lang: Lang): string {
  const lines = SUMMARY_ITEMS.map(({ name, label }) => {
    const v = values[name];
    const shown = isSkipped(v) ? kb.phrase('summary_not_given', lang) : name === 'mykad' ? maskMyKadDigits(v) : v;
    return `- ${kb.phrase(label, lang)}: ${shown}`;
  });
  return `${kb.phrase('summary_heading', lang)}\n${lines.join('\n')}\n\n${kb.phrase('summary_choose', lang)}`;
}

// The summary is answered in a few words ("ok hantar", "yes please send it", "ya, tukar nama"): a word that asks to
// change wins; otherwise every word must agree to send (so "jangan hantar" / "don't send" is asked again).
const SEND_WORDS = new Set(['hantar', 'send', 'ya', 'yes', 'ok', 'okay', 'confirm', 'sahkan', 'submit', 'teruskan', 'proceed', 'setuju', 'boleh', 'sure', 'yup', 'yep', 'y']);
const AGREEING_FILLER = new Set(['please', 'pls', 'plz', 'sila', 'it', 'now', 'sekarang', 'je', 'jer', 'lah', 'la', 'dah', 'terus', 'go', 'ahead', 'and', 'dan', 'the', 'ticket', 'tiket', 'betul', 'correct', 'all', 'semua']);
const CHANGE_WORDS = new Set(['ubah', 'change', 'tukar', 'edit', 'betulkan', 'pinda', 'amend']);

function summaryWords(typed: string): string[] {
  return typed.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The summary's three buttons: Hantar / Ubah / Batal. */
function summaryButtons(kb: KnowledgeBase, lang: Lang): string[] {
  return (['summary_send', 'summary_change', 'summary_cancel'] as const).map((k) => kb.phrase(k, lang));
}

/** The summary step: "Send" files; "Change" asks which item, and that item's label re-asks it. */
function summary(kb: KnowledgeBase) {
  const both = (key: PhraseKey) => [kb.phrase(key, 'ms'), kb.phrase(key, 'en')].map((t) => t.toLowerCase());
  return (text: string, u: Understanding): FieldResult => {
    const typed = text.trim().toLowerCase().replace(/[.!\s]+$/, '');
    const words = summaryWords(typed);
    const change = words.some((w) => CHANGE_WORDS.has(w)) || both('summary_change').includes(typed);
    const send = words.some((w) => SEND_WORDS.has(w)) && words.every((w) => SEND_WORDS.has(w) || AGREEING_FILLER.has(w));
    if (!change && (send || both('summary_send').includes(typed))) return { ok: true, value: 'send' };
    const picked = SUMMARY_ITEMS.find((i) => both(i.label).includes(typed));
    if (picked) return { ok: true, value: '', reopen: picked.name };
    if (change) return { ok: false, reason: phrase(kb, 'summary_pick_field'), choices: SUMMARY_ITEMS.map((i) => kb.phrase(i.label, u.lang)) };
    return { ok: false, reason: phrase(kb, 'summary_choose'), choices: summaryButtons(kb, u.lang) };
  };
}

/** The topics asked about earlier, newest first, offered as ready-made answers to "what is the problem". */
function earlierTopics(kb: KnowledgeBase, state: ConversationState, lang: Lang): string[] {
  return state.topics
    // Topics that say nothing about the problem itself (small talk, not_a_problem in knowledge/intents.yaml).
    .filter((t) => !kb.catalogue.has(t, 'small_talk') && !kb.catalogue.has(t, 'not_a_problem'))
    .slice(-3)
    .reverse()
    .map((t) => intentLabel(kb, t, lang));
}

export function escalationForm(kb: KnowledgeBase): FormDefinition {
  const privacy = phrase(kb, 'handoff_privacy');
  const fields: FormField[] = [
    { name: 'employerCode', prompt: phrase(kb, 'ask_employer_code'), help: HELP.employerCode, validate: employerCode(kb) },
    { name: 'companyName', prompt: phrase(kb, 'ask_company_name'), help: HELP.companyName, freeText: true, validate: companyName(kb) },
    { name: 'repName', prompt: phrase(kb, 'ask_rep_name'), help: HELP.repName, freeText: true, personal: true, redactAs: '[NAME]', validate: repName(kb) },
    { name: 'mykad', prompt: phrase(kb, 'ask_mykad'), help: HELP.mykad, personal: true, redactAs: '[MYKAD]', validate: mykad(kb) },
    {
      name: 'problem',
      prompt: phrase(kb, 'ask_problem'),
      help: HELP.problem,
      freeText: true,
      // The problem said with the request for an officer is shown back here to confirm or change.
      confirm: { ms: kb.phrase('confirm_problem', 'ms', { value: '{value}' }), en: kb.phrase('confirm_problem', 'en', { value: '{value}' }) },
      validate: problem(kb),
      suggestions: (state, lang) => earlierTopics(kb, state, lang),
    },
    {
      name: CONTACT_FIELD,
      prompt: phrase(kb, 'ask_contact'),
      help: phrase(kb, 'ask_contact'),
      personal: true,
      redactAs: '[CONTACT]',
      validate: contact(kb),
      suggestions: (_state, lang) => [kb.phrase('contact_skip', lang)],
    },
    {
      name: SUMMARY_FIELD,
      prompt: phrase(kb, 'summary_choose'),
      help: phrase(kb, 'summary_choose'),
      ask: (values, lang) => summaryText(kb, values, lang),
      validate: summary(kb),
      suggestions: (_state, lang) => summaryButtons(kb, lang),
    },
  ];
  return {
    id: ESCALATION_FORM_ID,
    fields,
    // Two short sentences up front; why the data is needed and how it is kept behind "more".
    intro: privacy,
    introMore: PRIVACY_DETAIL,
    maxTries: ESCALATION_MAX_TRIES,
    complete(values, ctx, info) {
      // Skipped items are left out of the checklist; the ticket lists them as missing.
      const checklist: Record<string, string> = {};
      for (const name of CHECKLIST_FIELDS) if (!isSkipped(values[name])) checklist[name] = values[name];
      const ticket: TicketDraft = {
        checklist,
        topics: ctx.state.topics.filter((t) => t !== 'human_handoff'),
        lang: ctx.lang,
        channel: '',
        createdAt: ctx.now.toISOString(),
        transcript: fullTranscript(ctx.kb, ctx.calculator, ctx.state.transcript),
      };
      if (info.startedAt) ticket.startedAt = info.startedAt;
      const reach = contactOf(values[CONTACT_FIELD]);
      if (reach) ticket.contact = reach;
      // The reply with the reference comes from the shell once the ticket is stored.
      return { replies: [], effects: [{ kind: 'file_ticket', ticket }] };
    },
  };
}
