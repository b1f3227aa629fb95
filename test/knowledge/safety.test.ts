// Contact details and safety wording across every knowledge file: only the official numbers and
// addresses from the fact sheet, natural Malaysian Malay, and never a request for a password.
import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { INTENT_IDS, loadKnowledgeBase, PHRASE_KEYS, PHRASE_VARS } from '../../knowledge';
import type { Lang } from '../../knowledge';
import { allYaml } from './helpers';
import { sharedFile } from '../helpers/shared';

/** Contact details that FACTS.md gives as official (§5.1, §6). */
const ALLOWED_PHONES = ['1-300-22-8000'];
const ALLOWED_EMAILS = ['perkeso@perkeso.gov.my', 'idportal@perkeso.gov.my'];

const PHONE = /(?<![\w.,-])\+?\d(?:[ -]?\d){6,}(?!\d)/g; // 7+ digits, single spaces or dashes between
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Every string value in a YAML document, except dates. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function contacts(text: string): { phones: string[]; emails: string[] } {
  const phones = (text.match(PHONE) ?? []).map((p) => p.trim()).filter((p) => !/^\d{4}-\d{2}-\d{2}$/.test(p)); // dates are not phones
  return { phones, emails: text.match(EMAIL) ?? [] };
}

describe('contact details', () => {
  test('the scanner finds phone numbers and e-mails (so the scan below can fail)', () => {
    expect(contacts('Call 03-1234 5678 or 1-300-22-8000, or write to help@example.com.')).toEqual({
      phones: ['03-1234 5678', '1-300-22-8000'],
      emails: ['help@example.com'],
    });
    expect(contacts('RM10,000, 2026-11-26, A3100001237X, 278 aksara, 24 bulan').phones).toEqual([]);
  });

  test('the allowed ones are the ones in FACTS.md', () => {
    const facts = fs.readFileSync(sharedFile('facts', 'FACTS.md'), 'utf8');
    for (const c of [...ALLOWED_PHONES, ...ALLOWED_EMAILS]) expect(facts).toContain(c);
  });

  test.each(allYaml().map(([file, text]) => [path.relative(path.resolve(__dirname, '../..'), file), text]))(
    '%s has no phone number or e-mail other than the official ones',
    (_file, text) => {
      for (const s of strings(YAML.parse(text))) {
        const found = contacts(s);
        expect(found.phones.filter((p) => !ALLOWED_PHONES.includes(p))).toEqual([]);
        expect(found.emails.filter((e) => !ALLOWED_EMAILS.includes(e))).toEqual([]);
      }
    },
  );
});

describe('wording', () => {
  const kb = loadKnowledgeBase();
  const texts = (lang: Lang): string[] => [
    ...INTENT_IDS.flatMap((i) => {
      const a = kb.answer(i, lang);
      return [a.text, a.more ?? '', ...a.suggestions.map((s) => s.title)];
    }),
    // Every placeholder a phrase declares gets a sample value.
    ...PHRASE_KEYS.map((k) => kb.phrase(k, lang, { max: '1000', reference: 'HB-1', ...Object.fromEntries((PHRASE_VARS[k] ?? []).map((v) => [v, '1'])) })),
  ];

  test('the bot never asks for a password: a sentence about giving one says not to, or is about the login screen', () => {
    const ask = /\b(berikan|beri|kongsi|taip|masukkan|hantar|give|share|type|enter|send|tell)\b[^.!?\n]*\b(kata laluan|password)/i;
    const no = /\b(jangan|tidak akan|never|don't|do not|not)\b/i;
    const loginScreen = /\b(skrin|screen)\b/i; // "enter your user ID ... (whichever the screen asks for), then your password"
    const offending = (['ms', 'en'] as Lang[])
      .flatMap(texts)
      .flatMap((t) => t.split(/(?<=[.!?])\s+|\n/))
      .filter((sentence) => ask.test(sentence) && !no.test(sentence) && !loginScreen.test(sentence));
    expect(offending).toEqual([]);
  });

  test('Malay texts use Malaysian words, not Indonesian ones', () => {
    const indonesian = /\b(kata sandi|surel|tautan|unggah|nomor|akun|bisa|silakan|unduh|kamu|tanggal|berhasil|gaji pokok|mengklik|aplikasi seluler)\b/i;
    expect(texts('ms').filter((t) => indonesian.test(t))).toEqual([]);
  });

  test('the safety and phishing phrases say what to do', () => {
    expect(kb.phrase('safety_password', 'ms')).toMatch(/jangan kongsi kata laluan/i);
    expect(kb.phrase('safety_mykad', 'en')).toMatch(/MyKad/);
    expect(kb.phrase('safety_bank', 'en')).toMatch(/bank account/);
    expect(kb.phrase('phishing_url', 'en')).toContain('https://assist.perkeso.gov.my');
    expect(kb.phrase('phishing_url', 'ms')).toContain('perkeso.gov.my');
  });

  test('phrases fill their placeholders, and a missing value is an error, not a "{max}" shown to the user', () => {
    expect(kb.phrase('too_long', 'en', { max: '1000' })).toBe('Your message is too long. Please keep it to 1000 characters or fewer.');
    expect(kb.phrase('ticket_filed', 'ms', { reference: 'HB-2026-0001' })).toContain('Nombor rujukan: HB-2026-0001.');
    expect(() => kb.phrase('too_long', 'en')).toThrow(/\{max\}/);
  });
});
