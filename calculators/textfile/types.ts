// Shared shapes of the text-file checker and maker.
import type { Bilingual } from '../errors';

/**
 * The identifier checks live in intents/validators.ts; calculators do not import intents (DESIGN.md), so the
 * shell passes them in, with the clock they need.
 */
export interface IdValidators {
  validateMyKad(input: string, now: Date): { ok: true; digits: string; birthDate: string } | { ok: false; reason: 'format' | 'date' | 'place' };
  validateEmployerCode(input: string): { ok: true; code: string } | { ok: false; reason: 'format' };
}

export interface CheckDeps {
  /** The clock: today's date decides whether V1 is still accepted and which months are in the future. */
  now: Date;
  ids: IdValidators;
}

/**
 * How sure the rule behind a problem is, from FACTS.md: H = official tables and MyKad rules, M = the layout as
 * reconstructed from payroll software, L = padding details.
 */
export type Confidence = 'H' | 'M' | 'L';

export interface Problem extends Bilingual {
  /** 1-based line number. */
  line: number;
  /** The field's number in FACTS.md §5.4, or null for a whole-line problem (length, line end, blank line). */
  field: number | null;
  /** 1-based column where the problem starts, or null. */
  column: number | null;
  code: string;
  confidence: Confidence;
}

export interface Totals {
  wages: string;
  socsoEmployer: string;
  socsoEmployee: string;
  eisEmployer: string;
  eisEmployee: string;
  skbbkEmployee: string;
  employer: string;
  employee: string;
  total: string;
}

export interface Summary {
  lines: number;
  workers: number;
  /** Wage months found, 'YYYY-MM', sorted. */
  months: string[];
  employerCodes: string[];
  version: 'V1' | 'V2' | 'mixed' | null;
  totals: Totals;
  problems: number;
  linesWithProblems: number;
  ready: boolean;
  /** Assumptions made and limits of the check, in both languages. */
  notes: Bilingual[];
}

export interface CheckResult {
  problems: Problem[];
  summary: Summary;
}
