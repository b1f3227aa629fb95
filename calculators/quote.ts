import Decimal from 'decimal.js';
import { Assumption, decideCoverage, Reason } from './coverage';
import { tablesFor } from './editions';
import { QuoteError } from './errors';
import { textPair, textPairBy } from './texts';
import { parseMoney, toAmount } from './money';
import { currentWageMonth, monthNames, parseMonth } from './months';
import { findBand, schedules, Source, type Schedules } from './schedules';

export interface QuoteRequest {
  wage: string | number;
  month?: string;
  age?: number;
  firstInsuredAge?: number;
  foreign?: boolean;
  skbbkOptOut?: boolean;
}

export interface Quote {
  wage: string;
  month: string;
  schedule: string;
  act4: { category: 1 | 2; employer: string; employee: string; total: string };
  eis: { employer: string; employee: string; total: string } | null;
  skbbk: { employee: string } | null;
  employer_total: string;
  employee_total: string;
  total: string;
  ceilingApplied: boolean;
  ceiling: string;
  band: { from: string; to: string | null };
  assumptions: Assumption[];
  /** Why a category or scheme applies or not (age 60+, foreign worker, opted out, ...). */
  reasons: Reason[];
  /** The SKBBK table used, e.g. "2026-06", or null. */
  skbbkSchedule: string | null;
  /** Official pages for the tables used (title + URL), for the reply. */
  sources: Source[];
}

const sum = (amounts: string[]): string => toAmount(amounts.reduce((a, b) => a.plus(b), new Decimal(0)));

/**
 * The same as quoteFrom with the project's schedules, loaded on first use: for the command line and the
 * text-file tools. The chat gets its calculator, with schedules loaded at start-up, through CoreDeps.
 */
export function computeQuote(req: QuoteRequest, now: Date = new Date()): Quote {
  return quoteFrom(schedules(), req, now);
}

/** Looks every amount up in the given tables for the wage month; throws QuoteError for anything it cannot answer. */
export function quoteFrom(s: Schedules, req: QuoteRequest, now: Date): Quote {
  if (typeof req !== 'object' || req === null) {
    throw new QuoteError('request_invalid', textPair('months.wage_request_invalid'));
  }
  const wage = parseMoney(req.wage);
  const monthGiven = req.month !== undefined && req.month !== null && req.month !== '';
  const month = monthGiven ? parseMonth(req.month) : currentWageMonth(now);
  const tables = tablesFor(s, month);
  const cover = decideCoverage(req, month, tables.skbbk !== null);

  const row = findBand(tables.edition.rows, wage);
  const act4 = cover.category === 1
    ? { category: 1 as const, employer: row.act4Cat1Employer, employee: row.act4Cat1Employee, total: row.act4Cat1Total }
    : { category: 2 as const, employer: row.act4Cat2Employer, employee: '0.00', total: row.act4Cat2Employer };
  const eis = cover.eis
    ? { employer: row.eisEmployer, employee: row.eisEmployee, total: sum([row.eisEmployer, row.eisEmployee]) }
    : null;
  const skbbk = cover.skbbk && tables.skbbk ? { employee: findBand(tables.skbbk.rows, wage).skbbkEmployee } : null;

  const employerTotal = sum([act4.employer, eis?.employer ?? '0']);
  const employeeTotal = sum([act4.employee, eis?.employee ?? '0', skbbk?.employee ?? '0']);

  const assumptions = [...cover.assumptions];
  if (!monthGiven) {
    const m = monthNames(month);
    assumptions.push({ key: 'month', ...textPairBy('months.month_assumed', (lang) => ({ month: m[lang] })) });
  }
  const sources = [tables.edition.source, ...(skbbk && tables.skbbk ? [tables.skbbk.source] : [])];

  return {
    wage: toAmount(wage),
    month,
    schedule: tables.edition.edition,
    act4,
    eis,
    skbbk,
    employer_total: employerTotal,
    employee_total: employeeTotal,
    total: sum([employerTotal, employeeTotal]),
    ceilingApplied: row.to === null,
    ceiling: toAmount(tables.edition.ceiling),
    band: { from: toAmount(row.from), to: row.to === null ? null : toAmount(row.to) },
    assumptions,
    reasons: cover.reasons,
    skbbkSchedule: skbbk && tables.skbbk ? tables.skbbk.edition : null,
    sources,
  };
}
