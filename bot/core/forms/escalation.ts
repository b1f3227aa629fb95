// The escalation checklist: what an officer needs to act without calling the employer back
// for it. Order fixed by CONTRACT.md "Escalation order". Prompts and error texts come from the
// knowledge base phrases (support staff edit them); the checks come from intents/validators.
import { redact, validateEmployerCode, validateMyKad, type Understanding } from '../../../intents';
import type { KnowledgeBase, PhraseKey } from '../../../knowledge';
import { intentLabel, type Bilingual } from '../strings';
import type { ConversationState, Lang, TicketDraft } from '../types';
import type { FieldResult, FormDefinition, FormField } from './types';
import { isSkipped } from './runner';
import { fullTranscript } from '../transcript';

export const ESCALATION_FORM_ID = 'escalation';

/** Checklist item names, in the order asked; the ticket keeps the same names. */
export const CHECKLIST_FIELDS = ['employerCode', 'companyName', 'repName', 'mykad', 'problem'] as const;
export type ChecklistField = (typeof CHECKLIST_FIELDS)[number];

/** Wrong answers before the user may skip an item. */
export const ESCALATION_MAX_TRIES = 3;

// The phrase file says what the data is used for; this adds why it is needed and how it is kept.
const PRIVACY_DETAIL: Bilingual = {
  ms: 'Pegawai memerlukannya untuk mencari rekod majikan anda dan mengesahkan siapa yang bertanya. Ia disimpan dalam sistem tiket yang hanya dibuka oleh kakitangan sokongan, dan nombor MyKad disembunyikan dalam rekod perbualan.',
  en: 'The officer needs them to find your employer record and confirm who is asking. They are kept in the support ticket system, which only support staff can open, and the MyKad number is masked in the chat record.',
};

/** Said with `help` at each step: why the item is needed, and an example. */
const HELP: Record<ChecklistField, Bilingual> = {
  employerCode: {
    ms: 'Nombor majikan PERKESO membolehkan pegawai mencari rekod syarikat anda. Ia mempunyai 12 aksara: 1 huruf, 10 digit dan 1 huruf, contohnya A3100001237X.',
    en: "The PERKESO employer number lets the officer find your company's record. It has 12 characters: 1 letter, 10 digits and 1 letter, for example A3100001237X.",
  },
  companyName: {
    ms: 'Nama syarikat membantu pegawai memastikan rekod yang dibuka adalah betul. Contoh: Syarikat Maju Jaya Sdn Bhd.',
    en: 'The company name helps the officer make sure they open the right record. Example: Maju Jaya Sdn Bhd.',
  },
  repName: {
    ms: 'Nama wakil ialah orang yang akan dihubungi oleh pegawai tentang tiket ini. Contoh: Siti Aminah binti Ahmad.',
    en: 'The representative is the person the officer will contact about this ticket. Example: Siti Aminah binti Ahmad.',
  },
  mykad: {
    ms: 'Pegawai menggunakan nombor MyKad wakil untuk mengesahkan identiti sebelum membincangkan akaun syarikat. Taip 12 digit dalam format YYMMDD-PB-###G (tarikh lahir, kod tempat lahir, 4 digit). Nombor itu disembunyikan dalam rekod perbualan.',
    en: "The officer uses the representative's MyKad number to confirm who they are before discussing the company's account. Type the 12 digits in the form YYMMDD-PB-###G (date of birth, place-of-birth code, 4 digits). The number is masked in the chat record.",
  },
  problem: {
    ms: 'Terangkan apa yang anda cuba lakukan dan apa yang berlaku, supaya pegawai tidak perlu bertanya semula. Contoh: "Tidak dapat log masuk ASSIST selepas tukar kata laluan".',
    en: 'Say what you were trying to do and what happened, so the officer does not need to ask again. Example: "I can\'t log in to ASSIST after changing my password".',
  },
};

const MYKAD_REASON: Record<'date' | 'place', Bilingual> = {
  date: {
    ms: 'Nombor MyKad itu tidak sah: 6 digit pertama sepatutnya tarikh lahir (YYMMDD), tetapi ia bukan tarikh yang wujud. Formatnya YYMMDD-PB-###G, 12 digit.',
    en: "That MyKad number isn't valid: the first 6 digits should be the date of birth (YYMMDD), but they are not a real date. The form is YYMMDD-PB-###G, 12 digits.",
  },
  place: {
    ms: 'Nombor MyKad itu tidak sah: digit ke-7 dan ke-8 ialah kod tempat lahir (contohnya 14 untuk WP Kuala Lumpur), dan kod itu tidak dikeluarkan oleh JPN.',
    en: "That MyKad number isn't valid: digits 7 and 8 are the place-of-birth code (for example 14 for WP Kuala Lumpur), and that code is not one JPN issues.",
  },
};

const MASKED_ECHO: Bilingual = { ms: 'Nombor MyKad diterima: {masked}', en: 'MyKad number received: {masked}' };

/** Topics that say nothing about the problem itself. */
const NOT_A_PROBLEM = new Set(['human_handoff', 'contact_support', 'greeting', 'thanks', 'goodbye', 'help_menu', 'out_of_scope']);

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
    const r = validateMyKad(candidate);
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

/** The topics asked about earlier, newest first, offered as ready-made answers to "what is the problem". */
function earlierTopics(kb: KnowledgeBase, state: ConversationState, lang: Lang): string[] {
  return state.topics
    .filter((t) => !NOT_A_PROBLEM.has(t))
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
        transcript: fullTranscript(ctx.kb, ctx.state.transcript),
      };
      if (info.startedAt) ticket.startedAt = info.startedAt;
      // The reply with the reference comes from the shell once the ticket is stored.
      return { replies: [], effects: [{ kind: 'file_ticket', ticket }] };
    },
  };
}
