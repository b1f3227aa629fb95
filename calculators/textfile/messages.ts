// Every sentence the checker and maker say, in Malay and English. Nothing here quotes a name or a whole ID.
import type { Bilingual } from '../errors';
import { formatRM } from '../money';
import { monthName } from '../months';
import { text, textPair, textPairBy, type TextKey, type TextVars } from '../texts';

/** FACTS.md rates the layout M and the padding L: say so wherever a rule rests on them. */
export const HEDGE: Bilingual = { get ms() { return text('textfile.hedge', 'ms'); }, get en() { return text('textfile.hedge', 'en'); } };
const hedged = (t: Bilingual): Bilingual => ({ ms: `${t.ms} (${HEDGE.ms}).`, en: `${t.en} (${HEDGE.en}).` });

// The sentences are in calculators/texts.yaml (group textfile); this decides which one and fills it.
const say = <K extends TextKey>(key: K, vars: TextVars<K> = {}): Bilingual => textPair(key, vars);
const sayBy = textPairBy;

export const M = {
  bom: (): Bilingual => hedged(say('textfile.bom')),
  empty: (): Bilingual => say('textfile.empty'),
  lineEndAll: (found: string, lines: number): Bilingual => hedged(say('textfile.line_end_all', { found, lines: String(lines) })),
  lineEnd: (found: string): Bilingual => hedged(say('textfile.line_end', { found })),
  blankLine: (): Bilingual => say('textfile.blank_line'),
  badChar: (code: number): Bilingual => say(code > 126 ? 'textfile.bad_char_non_ascii' : 'textfile.bad_char_control', { code: String(code) }),
  lengthTrimmed: (len: number, want: number): Bilingual => hedged(say('textfile.length_trimmed', { len: String(len), want: String(want) })),
  lengthTrailing: (len: number, want: number): Bilingual => hedged(say('textfile.length_trailing', { len: String(len), want: String(want), extra: String(len - want) })),
  lengthBytes: (bytes: number, want: number): Bilingual => hedged(say('textfile.length_bytes', { bytes: String(bytes), want: String(want) })),
  lengthShifted: (len: number, want: number): Bilingual => hedged(
    len > want
      ? say('textfile.length_shifted_long', { len: String(len), want: String(want), diff: String(len - want) })
      : say('textfile.length_shifted_short', { len: String(len), want: String(want), diff: String(want - len) }),
  ),
  notLeft: (): Bilingual => hedged(say('textfile.not_left')),
  notRight: (): Bilingual => hedged(say('textfile.not_right')),
  employerMissing: (): Bilingual => say('textfile.employer_missing'),
  employerInvalid: (shown: string): Bilingual => say('textfile.employer_invalid', { shown }),
  employerMixed: (shown: string, main: string): Bilingual => say('textfile.employer_mixed', { shown, main }),
  idMissing: (): Bilingual => say('textfile.id_missing'),
  mykadDigits: (n: number): Bilingual => say('textfile.mykad_digits', { n: String(n) }),
  mykadDashes: (): Bilingual => say('textfile.mykad_dashes'),
  mykadDate: (masked: string): Bilingual => say('textfile.mykad_date', { masked }),
  mykadPlace: (masked: string): Bilingual => say('textfile.mykad_place', { masked }),
  foreignIdShape: (): Bilingual => say('textfile.foreign_id_shape'),
  duplicateId: (masked: string, first: number): Bilingual => say('textfile.duplicate_id', { masked, first: String(first) }),
  nameMissing: (): Bilingual => say('textfile.name_missing'),
  nameLower: (): Bilingual => say('textfile.name_lower'),
  monthFormat: (shown: string, hint: 'yyyymm' | 'separator' | 'other'): Bilingual => {
    const base = say('textfile.month_format', { shown });
    if (hint === 'other') return base;
    const extra = say(hint === 'yyyymm' ? 'textfile.month_hint_yyyymm' : 'textfile.month_hint_separator');
    return { ms: `${base.ms} ${extra.ms}`, en: `${base.en} ${extra.en}` };
  },
  monthFuture: (month: string, current: string): Bilingual =>
    sayBy('textfile.month_future', (lang) => ({ month: monthName(month, lang), current: monthName(current, lang) })),
  wageMissing: (): Bilingual => say('textfile.wage_missing'),
  notSen: (what: Bilingual, shown: string): Bilingual => sayBy('textfile.not_sen', (lang) => ({ what: what[lang], shown })),
  wageLooksRinggit: (sen: string): Bilingual => say('textfile.wage_looks_ringgit', { sen, ringgit: formatRM(sen) }),
  notNumber: (what: Bilingual): Bilingual => sayBy('textfile.not_number', (lang) => ({ what: what[lang] })),
  amountMissing: (what: Bilingual): Bilingual => sayBy('textfile.amount_missing', (lang) => ({ what: what[lang] })),
  amountMismatch: (what: Bilingual, file: string, expected: string, basis: Bilingual): Bilingual =>
    sayBy('textfile.amount_mismatch', (lang) => ({ what: what[lang], file: formatRM(file), expected: formatRM(expected), basis: basis[lang] })),
  skbbkBeforeStart: (month: string, file: string): Bilingual =>
    sayBy('textfile.skbbk_before_start', (lang) => ({ amount: formatRM(file), month: monthName(month, lang) })),
  skbbkMissing: (): Bilingual => hedged(say('textfile.skbbk_missing')),
  v1AfterCutoff: (lines: number): Bilingual => {
    const where = lines === 1 ? say('textfile.v1_where_this_line') : say('textfile.v1_where_all_lines', { lines: String(lines) });
    return hedged(sayBy('textfile.v1_after_cutoff', (lang) => ({ where: where[lang] })));
  },
  fillerNotBlank: (): Bilingual => hedged(say('textfile.filler_not_blank')),
  paddingMixed: (style: 'zero' | 'space', fileStyle: 'zero' | 'space'): Bilingual => {
    const word = (s: 'zero' | 'space') => say(s === 'zero' ? 'textfile.padding_zeros' : 'textfile.padding_spaces');
    return hedged(sayBy('textfile.padding_mixed', (lang) => ({ style: word(style)[lang], file_style: word(fileStyle)[lang] })));
  },
  monthNoTable: (reason: Bilingual): Bilingual => sayBy('textfile.month_no_table', (lang) => ({ reason: reason[lang] })),
  wageTooLarge: (text: Bilingual): Bilingual => text,
};

/** What an expected figure is based on, for the mismatch message. */
export function basis(wage: string, month: string, category: 1 | 2, schedule: string, because: Bilingual | null): Bilingual {
  const cat = say(category === 1 ? 'textfile.cat1' : 'textfile.cat2');
  return sayBy('textfile.basis', (lang) => ({
    wage: formatRM(wage),
    month: monthName(month, lang),
    category: cat[lang],
    because: because ? ` ${text('textfile.basis_because', lang, { reason: because[lang] })}` : '',
    schedule,
  }));
}
