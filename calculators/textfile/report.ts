// Words for a check result: a plain-text report (terminal, chat, downloadable file) and JSON lines.
import { formatRM } from '../money';
import { text } from '../texts';
import { layout } from './layout';
import { monthList } from './summary';
import type { CheckResult, Problem, Summary } from './types';

import type { Lang } from '../../locale';
export type { Lang } from '../../locale';

// The report's words are in calculators/texts.yaml (group textfile_report).
function words(lang: Lang) {
  return {
    line: text('textfile_report.line', lang),
    column: text('textfile_report.column', lang),
    field: text('textfile_report.field', lang),
    wholeLine: text('textfile_report.whole_line', lang),
    summary: text('textfile_report.summary', lang),
    lines: text('textfile_report.lines', lang),
    workers: text('textfile_report.workers', lang),
    months: text('textfile_report.months', lang),
    version: text('textfile_report.version', lang),
    employer: text('textfile_report.employer', lang),
    socso: text('textfile_report.socso', lang),
    eis: text('textfile_report.eis', lang),
    skbbk: text('textfile_report.skbbk', lang),
    total: text('textfile_report.total', lang),
    er: text('textfile_report.er', lang),
    ee: text('textfile_report.ee', lang),
    all: text('textfile_report.all', lang),
    wages: text('textfile_report.wages', lang),
    ready: text('textfile_report.ready', lang),
    yes: text('textfile_report.yes', lang),
    no: text('textfile_report.no', lang),
    notes: text('textfile_report.notes', lang),
    problems: (n: number, l: number) => text('textfile_report.problems', lang, { n: String(n), lines: String(l) }),
    more: (n: number) => text('textfile_report.more', lang, { n: String(n) }),
    none: '-',
  };
}

/** "Baris 3, lajur 33 (medan 3, No. kad pengenalan): ..." */
export function formatProblem(p: Problem, lang: Lang): string {
  const w = words(lang);
  const f = p.field === null ? null : layout().fields[p.field - 1];
  const where = [`${w.line} ${p.line}`];
  if (p.column !== null) where.push(`${w.column} ${p.column}`);
  const what = f ? `${w.field} ${f.number}, ${f[lang]}` : w.wholeLine;
  return `${where.join(', ')} (${what}): ${p[lang]}`;
}

export function formatSummary(s: Summary, lang: Lang): string {
  const w = words(lang);
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
  if (rest > 0) shown.push(words(lang).more(rest));
  return [...shown, ...(shown.length ? [''] : []), formatSummary(r.summary, lang)].join('\n');
}

/** One JSON object per problem (CONTRACT.md): line, field, code, message, plus column, confidence and both languages. */
export function problemJson(p: Problem, lang: Lang): Record<string, unknown> {
  return { line: p.line, field: p.field, column: p.column, code: p.code, message: p[lang], confidence: p.confidence, ms: p.ms, en: p.en };
}
