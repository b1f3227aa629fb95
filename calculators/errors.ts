import type { Bilingual } from '../locale';
export type { Bilingual } from '../locale';

/**
 * A polite, user-facing refusal (bad wage, month not covered, ...). `message` is the English text so logs
 * and the CLI read naturally; the chat picks `ms` or `en`.
 */
export class QuoteError extends Error {
  readonly code: string;
  readonly ms: string;
  readonly en: string;

  constructor(code: string, text: Bilingual) {
    super(text.en);
    this.name = 'QuoteError';
    this.code = code;
    this.ms = text.ms;
    this.en = text.en;
  }
}

/** A schedule file that breaks its own rules: a data error for support staff, not a user error. */
export class ScheduleError extends Error {
  constructor(file: string, line: number | null, problem: string) {
    super(`${file}${line === null ? '' : ` line ${line}`}: ${problem}`);
    this.name = 'ScheduleError';
  }
}
