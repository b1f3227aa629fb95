// Words for a check result: a plain-text report (terminal, chat, downloadable file) and JSON lines.
import { formatRM } from '../money';
import { layout } from './layout';
import { monthList } from './summary';
import type { CheckResult, Problem, Summary } from './types';

import type { Lang } from '../../locale';
export type { Lang } from '../../locale';

const W = {
  ms: { line: 'Baris', column: 'lajur', field: 'medan', wholeLine: 'seluruh baris', summary: 'Ringkasan', lines: 'Baris', workers: 'Pekerja', months: 'Bulan caruman', version: 'Versi', employer: 'Kod majikan', socso: 'PERKESO (Akta 4)', eis: 'SIP (Akta 800)', skbbk: 'SKBBK (LINDUNG 24 Jam)', total: 'Jumlah', er: 'majikan', ee: 'pekerja', all: 'semua', wages: 'Jumlah gaji', ready: 'Sedia untuk dimuat naik', yes: 'YA, tiada masalah ditemui', no: 'TIDAK', notes: 'Nota', problems: (n: number, l: number) => `${n} masalah pada ${l} baris`, more: (n: number) => `... dan ${n} masalah lagi dalam laporan penuh.`, none: '-' },
  en: { line: 'Line', column: 'column', field: 'field', wholeLine: 'whole line', summary: 'Summary', lines: 'Lines', workers: 'Workers', months: 'Contribution month', version: 'Version', employer: 'Employer code', socso: 'SOCSO (Act 4)', eis: 'EIS (Act 800)', skbbk: 'SKBBK (LINDUNG 24 Jam)', total: 'Total', er: 'employer', ee: 'employee', all: 'all', wages: 'Total wages', ready: 'Ready to upload', yes: 'YES, no problem found', no: 'NO', notes: 'Notes', problems: (n: number, l: number) => `${n} problem(s) on ${l} line(s)`, more: (n: number) => `... and ${n} more problem(s) in the full report.`, none: '-' },
} as const;

/** "Baris 3, lajur 33 (medan 3, No. kad pengenalan): ..." */
export function formatProblem(p: Problem, lang: Lang): string {
  const w = W[lang];
  const f = p.field === null ? null : layout().fields[p.field - 1];
  const where = [`${w.line} ${p.line}`];
  if (p.column !== null) where.push(`${w.column} ${p.column}`);
  const what = f ? `${w.field} ${f.number}, ${f[lang]}` : w.wholeLine;
  return `${where.join(', ')} (${what}): ${p[lang]}`;
}

export function formatSummary(s: Summary, lang: Lang): string {
  const w = W[lang];
  const t = s.totals;
  const out = [
    `${w.summary}`,
    `  ${w.lines}: ${s.lines} · ${w.workers}: ${s.workers} · ${w.months}: ${s.months.length ? monthList(s.months, lang) : w.none} · ${w.version}: ${s.version ?? w.none}${s.employerCodes.length ? ` · ${w.employer}: ${s.employerCodes.join(', ')}` : ''}`,
    `  ${w.wages}: ${formatRM(t.wages)}`,
    `  ${w.socso}: ${w.er} ${formatRM(t.socsoEmployer)}, ${w.ee} ${formatRM(t.socsoEmployee)}`,
    `  ${w.eis}: ${w.er} ${formatRM(t.eisEmployer)}, ${w.ee} ${formatRM(t.eisEmployee)}`,
    `  ${w.skbbk}: ${w.ee} ${formatRM(t.skbbkEmployee)}`,
    `  ${w.total}: ${w.er} ${formatRM(t.employer)}, ${w.ee} ${formatRM(t.employee)}, ${w.all} ${formatRM(t.total)}`,
    `  ${w.ready}: ${s.ready ? w.yes : `${w.no} (${w.problems(s.problems, s.linesWithProblems)})`}`,
  ];
  if (s.notes.length) out.push(`${w.notes}:`, ...s.notes.map((n) => `  - ${n[lang]}`));
  return out.join('\n');
}

/** The whole report, or its first `limit` problems (the chat shows ten). */
export function formatReport(r: CheckResult, lang: Lang, limit = Infinity): string {
  const shown = r.problems.slice(0, limit).map((p) => formatProblem(p, lang));
  const rest = r.problems.length - shown.length;
  if (rest > 0) shown.push(W[lang].more(rest));
  return [...shown, ...(shown.length ? [''] : []), formatSummary(r.summary, lang)].join('\n');
}

/** One JSON object per problem (CONTRACT.md): line, field, code, message, plus column, confidence and both languages. */
export function problemJson(p: Problem, lang: Lang): Record<string, unknown> {
  return { line: p.line, field: p.field, column: p.column, code: p.code, message: p[lang], confidence: p.confidence, ms: p.ms, en: p.en };
}
