import Decimal from 'decimal.js';
import { QuoteError } from './errors';
import { textPair, textPairBy } from './texts';

/** Wages above this are almost certainly a typo (an extra zero, a yearly figure, an IC number). */
export const MAX_WAGE = new Decimal('1000000');

// "2500", "2,500.00", "RM2500", "RM 2,500.5": optional RM, thousands commas only in groups of three.
const MONEY_RE = /^(-)?\s*(?:rm)?\s*(-)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/i;

export interface MoneyLimits {
  max: Decimal;
  /** Word used in messages, e.g. wage / gaji. */
  what: { ms: string; en: string };
}

const WAGE_LIMITS: MoneyLimits = { max: MAX_WAGE, get what() { return textPair('money.wage_label'); } };

/** Parses ringgit written as a user or a JSON file would (string or number) into an exact Decimal. */
export function parseMoney(input: unknown, limits: MoneyLimits = WAGE_LIMITS): Decimal {
  const { what } = limits;
  if (input === undefined || input === null || input === '') {
    throw new QuoteError('amount_missing', textPairBy('money.missing', (lang) => ({ what: what[lang] })));
  }
  let text: string;
  if (typeof input === 'number') {
    // JSON numbers: String() gives the shortest exact decimal form, except exponent forms (1e21, 1e-7).
    if (!Number.isFinite(input)) throw notNumber(input, limits);
    text = String(input);
    if (/e/i.test(text)) throw outOfRange(limits);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    throw notNumber(input, limits);
  }
  const m = MONEY_RE.exec(text);
  if (!m) throw notNumber(text, limits);
  const [, minusBefore, minusAfter, whole, decimals = ''] = m;
  const minus = minusBefore ?? minusAfter;
  if (decimals.length > 2) {
    throw new QuoteError('amount_precision', textPairBy('money.precision', (lang) => ({ what: what[lang] })));
  }
  const value = new Decimal(`${minus ?? ''}${whole.replace(/,/g, '')}.${decimals || '0'}`);
  if (value.isNegative() && !value.isZero()) {
    throw new QuoteError('amount_negative', textPairBy('money.negative', (lang) => ({ what: what[lang] })));
  }
  if (value.isZero()) {
    throw new QuoteError('amount_zero', textPairBy('money.zero', (lang) => ({ what: what[lang] })));
  }
  if (value.greaterThan(limits.max)) throw outOfRange(limits);
  return value;
}

function notNumber(shown: unknown, { what }: MoneyLimits): QuoteError {
  const s = typeof shown === 'string' ? ` "${shown.slice(0, 40)}"` : '';
  return new QuoteError('amount_not_number', textPairBy('money.not_number', (lang) => ({ what: what[lang], shown: s })));
}

function outOfRange({ what, max }: MoneyLimits): QuoteError {
  return new QuoteError('amount_too_large', textPairBy('money.too_large', (lang) => ({ what: what[lang], max: formatRM(max) })));
}

/** "2500.00": two decimals, no separators (the CLI and CSV form). */
export function toAmount(value: Decimal | string): string {
  return new Decimal(value).toFixed(2);
}

/** An amount already written as toFixed(2) writes it: the calculator's figures. */
const FIXED_2 = /^(?:0|[1-9]\d*)\.\d\d$/;

/** "RM2,500.00": for people. */
export function formatRM(value: Decimal | string): string {
  // A quote reply shows about twenty figures: those already in toFixed(2) form skip a Decimal round trip.
  const fixed = typeof value === 'string' && FIXED_2.test(value) ? value : new Decimal(value).toFixed(2);
  const dot = fixed.indexOf('.');
  const whole = fixed.slice(0, dot);
  return whole.length <= 3 ? `RM${fixed}` : `RM${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fixed.slice(dot)}`;
}
