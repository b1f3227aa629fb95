// The end of a check: lines, workers, totals per scheme from the file's own figures, and whether it is ready.
import Decimal from 'decimal.js';
import type { Bilingual } from '../errors';
import { monthName } from '../months';
import type { AmountKey } from './amounts';
import type { LineFacts } from './check';
import type { Layout } from './layout';
import { HEDGE } from './messages';
import { textPair, textPairBy } from '../texts';
import type { Lang } from '../../locale';
import type { Problem, Summary, Totals } from './types';

// The notes' sentences are in calculators/texts.yaml (group textfile_notes).
const ASSUMED_NOTES: Record<string, (n: number) => Bilingual> = {
  second_category_first_insured_55: (n) => textPair('textfile_notes.second_category_first_insured_55', { n: String(n) }),
  second_category_age_unknown: (n) => textPair('textfile_notes.second_category_age_unknown', { n: String(n) }),
  eis_exempt_57: (n) => textPair('textfile_notes.eis_exempt_57', { n: String(n) }),
  eis_age_unknown: (n) => textPair('textfile_notes.eis_age_unknown', { n: String(n) }),
  skbbk_opted_out: (n) => textPair('textfile_notes.skbbk_opted_out', { n: String(n) }),
};

/** Sums sen as exact integers (BigInt: no float, and cheap for 10,000 lines), then ringgit as Decimal. */
function sumOf(facts: LineFacts[], pick: (f: LineFacts) => string | null | undefined): Decimal {
  let sen = 0n;
  for (const f of facts) {
    const v = pick(f);
    if (v && /^\d+$/.test(v)) sen += BigInt(v);
  }
  return new Decimal(sen.toString()).div(100);
}

export function summarise(L: Layout, lineCount: number, facts: LineFacts[], problems: Problem[], today: string): Summary {
  const amount = (k: AmountKey) => sumOf(facts, (f) => f.amounts[k]);
  const socsoEr = amount('socso_employer');
  const socsoEe = amount('socso_employee');
  const eisEr = amount('eis_employer');
  const eisEe = amount('eis_employee');
  const skbbk = amount('skbbk_employee');
  const employer = socsoEr.plus(eisEr);
  const employee = socsoEe.plus(eisEe).plus(skbbk);
  const totals: Totals = {
    wages: sumOf(facts, (f) => f.wageSen).toFixed(2),
    socsoEmployer: socsoEr.toFixed(2), socsoEmployee: socsoEe.toFixed(2),
    eisEmployer: eisEr.toFixed(2), eisEmployee: eisEe.toFixed(2),
    skbbkEmployee: skbbk.toFixed(2),
    employer: employer.toFixed(2), employee: employee.toFixed(2), total: employer.plus(employee).toFixed(2),
  };
  const v1 = facts.filter((f) => f.skbbkBlank).length;
  const version = facts.length === 0 ? null : v1 === 0 ? 'V2' : v1 === facts.length ? 'V1' : 'mixed';
  const months = [...new Set(facts.map((f) => f.month).filter((m): m is string => m !== null))].sort();

  const notes: Bilingual[] = [
    textPairBy('textfile_notes.layout', (lang) => ({ layout: L.confidence.layout, padding: L.confidence.padding, hedge: HEDGE[lang] })),
  ];
  const counts = new Map<string, number>();
  for (const f of facts) for (const a of new Set(f.assumed)) counts.set(a, (counts.get(a) ?? 0) + 1);
  for (const [key, n] of counts) notes.push(ASSUMED_NOTES[key](n));
  const zero = facts.filter((f) => f.zeroWage).length;
  if (zero > 0) notes.push(textPair('textfile_notes.zero_wage', { n: String(zero) }));
  if (facts.some((f) => f.padding.some((p) => p.style === 'zero')) && !problems.some((p) => p.code === 'padding_mixed')) {
    notes.push(textPair('textfile_notes.zero_padding'));
  }
  if (version === 'V1' && today < L.v2MandatoryFrom && months.some((m) => m >= L.skbbkFirstWageMonth)) {
    notes.push(textPair('textfile_notes.v1_until'));
  }
  return {
    lines: lineCount,
    workers: new Set(facts.map((f) => f.id).filter(Boolean)).size,
    months,
    employerCodes: [...new Set(facts.map((f) => f.employerCode).filter((c): c is string => c !== null))],
    version,
    totals,
    problems: problems.length,
    linesWithProblems: new Set(problems.map((p) => p.line)).size,
    ready: problems.length === 0 && facts.length > 0,
    notes,
  };
}

export const monthList = (months: string[], lang: Lang): string => months.map((m) => monthName(m, lang)).join(', ');
