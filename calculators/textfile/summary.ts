// The end of a check: lines, workers, totals per scheme from the file's own figures, and whether it is ready.
import Decimal from 'decimal.js';
import type { Bilingual } from '../errors';
import { monthName } from '../months';
import type { AmountKey } from './amounts';
import type { LineFacts } from './check';
import type { Layout } from './layout';
import { HEDGE } from './messages';
import type { Problem, Summary, Totals } from './types';

const ASSUMED_NOTES: Record<string, (n: number) => Bilingual> = {
  second_category_first_insured_55: (n) => ({
    ms: `${n} baris berumur 55–59 dengan amaun Kategori Kedua: diterima kerana pekerja mungkin mula diinsuranskan pada umur 55 atau lebih (fail tidak menyatakannya). Pastikan ini betul.`,
    en: `${n} line(s) aged 55–59 with Second Category amounts: accepted because the worker may have been first insured at 55 or older (the file does not say). Make sure this is right.`,
  }),
  second_category_age_unknown: (n) => ({
    ms: `${n} baris tanpa umur (bukan MyKad yang sah) dengan amaun Kategori Kedua: diterima kerana umur tidak diketahui.`,
    en: `${n} line(s) without an age (no valid MyKad) with Second Category amounts: accepted because the age is unknown.`,
  }),
  eis_exempt_57: (n) => ({
    ms: `${n} baris berumur 57–59 tanpa SIP: diterima kerana pekerja yang tiada caruman SIP kena dibayar sebelum 57 dikecualikan.`,
    en: `${n} line(s) aged 57–59 without EIS: accepted because a worker with no EIS contribution payable before 57 is exempt.`,
  }),
  eis_age_unknown: (n) => ({
    ms: `${n} baris tanpa umur (bukan MyKad yang sah) tanpa SIP: diterima kerana umur tidak diketahui.`,
    en: `${n} line(s) without an age (no valid MyKad) and no EIS: accepted because the age is unknown.`,
  }),
  skbbk_opted_out: (n) => ({
    ms: `${n} baris warganegara/PR dengan SKBBK 0: diterima sebagai pekerja yang telah menarik diri daripada LINDUNG 24 Jam (notis pelepasan liabiliti). Pastikan notis itu ada.`,
    en: `${n} line(s) of citizens/PRs with SKBBK 0: accepted as workers who opted out of LINDUNG 24 Jam (release from liability). Make sure the release is on file.`,
  }),
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

  const notes: Bilingual[] = [{
    ms: `Susun atur fail mengikut FACTS.md §5.4, dibina semula daripada perisian gaji (keyakinan: susun atur ${L.confidence.layout}, isian ${L.confidence.padding}): ${HEDGE.ms}.`,
    en: `The file layout follows FACTS.md §5.4, reconstructed from payroll software (confidence: layout ${L.confidence.layout}, padding ${L.confidence.padding}): ${HEDGE.en}.`,
  }];
  const counts = new Map<string, number>();
  for (const f of facts) for (const a of new Set(f.assumed)) counts.set(a, (counts.get(a) ?? 0) + 1);
  for (const [key, n] of counts) notes.push(ASSUMED_NOTES[key](n));
  const zero = facts.filter((f) => f.zeroWage).length;
  if (zero > 0) notes.push({ ms: `${zero} baris dengan gaji 0: tiada caruman dijangka.`, en: `${zero} line(s) with zero wages: no contribution expected.` });
  if (facts.some((f) => f.padding.some((p) => p.style === 'zero')) && !problems.some((p) => p.code === 'padding_mixed')) {
    notes.push({
      ms: 'Fail ini mengisi nombor dengan sifar di kiri. Sebahagian perisian gaji berbuat begitu; yang lain (dan contoh spesifikasi, menurut mereka) guna ruang. Sama ada ASSIST menolak sifar tidak diketahui.',
      en: 'This file pads numbers with zeros on the left. Some payroll software does; others (and, by their account, the specification\'s sample) use spaces. Whether ASSIST rejects zeros is unknown.',
    });
  }
  if (version === 'V1' && today < L.v2MandatoryFrom && months.some((m) => m >= L.skbbkFirstWageMonth)) {
    notes.push({
      ms: 'Fail V1 tiada medan SKBBK. V1 diterima hingga 30 September 2026 sahaja; selepas itu guna V2.',
      en: 'A V1 file has no SKBBK field. V1 is accepted until 30 September 2026 only; after that use V2.',
    });
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

export const monthList = (months: string[], lang: 'ms' | 'en'): string => months.map((m) => monthName(m, lang)).join(', ');
