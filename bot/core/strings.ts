// Words the conversation engine itself says (button labels, clarifying questions).
// Answers to questions live in knowledge/; these are the engine's own mechanics.
// Typed so that a Malay string missing for an English one fails to compile.
import type { IntentId, KnowledgeBase } from '../../knowledge';
import type { Lang } from './types';

export type Bilingual = Record<Lang, string>;

export function pick(b: Bilingual, lang: Lang): string {
  return b[lang];
}

/** The short label of an intent, as on its button in knowledge/intents.yaml (support staff edit it there). */
export function intentLabel(kb: Pick<KnowledgeBase, 'button'>, intent: IntentId, lang: Lang): string {
  return kb.button(intent, lang)?.title ?? intent;
}

export const S = {
  clarify: {
    ms: 'Maaf, saya kurang pasti maksud anda. Adakah anda bertanya tentang:',
    en: "Sorry, I'm not quite sure what you mean. Are you asking about:",
  },
  source: { ms: 'Sumber', en: 'Source' },
  quoteAskWage: {
    ms: 'Berapakah gaji bulanan pekerja itu? Contoh: RM2,500',
    en: "What is the worker's monthly wage? For example: RM2,500",
  },
  quoteBadWage: {
    ms: 'Saya perlukan gaji bulanan dalam ringgit, contohnya RM2,500 atau 1800. Taip "batal" untuk berhenti.',
    en: 'I need the monthly wage in ringgit, for example RM2,500 or 1800. Type "cancel" to stop.',
  },
  quoteChangeAge60: { ms: 'Umur 60 ke atas', en: 'Aged 60 or over' },
  quoteChangeAgeUnder60: { ms: 'Umur bawah 60', en: 'Under 60' },
  quoteChangeForeign: { ms: 'Pekerja asing', en: 'Foreign worker' },
  quoteChangeLocal: { ms: 'Pekerja tempatan', en: 'Local worker' },
  quoteChangeOptOut: { ms: 'Sudah tarik diri LINDUNG 24 Jam', en: 'Opted out of LINDUNG 24 Jam' },
  cancelled: {
    ms: 'Baik, saya batalkan. Apa lagi yang boleh saya bantu?',
    en: 'OK, cancelled. What else can I help with?',
  },
  nothingToCancel: {
    ms: 'Tiada apa-apa yang sedang berjalan untuk dibatalkan. Apa yang boleh saya bantu?',
    en: "There's nothing under way to cancel. What can I help with?",
  },
  tooLong: {
    ms: 'Maaf, mesej itu terlalu panjang (had 2,000 aksara). Boleh ringkaskan soalan anda?',
    en: 'Sorry, that message is too long (the limit is 2,000 characters). Could you shorten your question?',
  },
  empty: {
    ms: 'Saya tidak menerima sebarang teks. Taip soalan anda atau pilih topik di bawah.',
    en: "I didn't receive any text. Type your question or pick a topic below.",
  },
  error: {
    ms: 'Maaf, ada masalah teknikal di pihak kami dan mesej anda tidak dapat diproses. Sila cuba lagi sebentar. Perbualan anda masih disimpan.',
    en: "Sorry, something went wrong on our side and your message couldn't be processed. Please try again in a moment. Your conversation is still saved.",
  },
  languageSwitched: {
    ms: 'Baik, saya akan gunakan Bahasa Melayu. Apa yang boleh saya bantu?',
    en: "Sure, I'll continue in English. What can I help with?",
  },
} satisfies Record<string, Bilingual>;
