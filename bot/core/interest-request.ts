// Late-payment interest asked in one message: "RM8,000 caruman bulan Ogos, bayar 3 Oktober, berapa
// faedah?", "owe 10k, paid 2 weeks late". What it gives pre-fills the interest form, which then asks
// only for what is missing (or answers at once when nothing is).
import { isIntent, type Understanding } from '../../intents';
import { lateInterestPrefill, PAID_TODAY } from './forms/late-interest';
import { OTHER_TOPIC_AT } from './policy';

/** Words that ask about the interest (FCLB) itself, not just about paying late. */
const INTEREST_WORDS = /\b(?:faedah|interest|fclb|denda|penalti|penalty|late\s+(?:charge|fee)s?|caj\s+lewat)\b/;

/** Asking to work the interest out ("kira faedah lewat bayar", "calculate late interest"), even with no figure yet. */
const ESTIMATE_WORDS = /\b(?:kira|kirakan|mengira|calculate|calc|compute|anggar|anggaran|estimate|work\s+out)\b/;
const TODAY_WORDS = /\b(?:today|hari\s+ini|harini|hari\s+ni|hri\s+ni)\b/;

/**
 * The interest form's values from the message, or null when it does not ask for an estimate. Asking
 * means an interest word, days late, or a confident late-payment reading; and the message must give
 * something to estimate with (an amount, how late, when it was paid) or ask to work it out.
 */
export function interestRequest(u: Understanding): Record<string, string> | null {
  const e = u.entities;
  const interestWord = INTEREST_WORDS.test(u.normalised);
  const asks = interestWord || e.daysLate !== null || (isIntent(u.intent, 'late_payment') && u.confidence >= OTHER_TOPIC_AT);
  if (!asks) return null;
  const values = lateInterestPrefill(e);
  if (values.paidOn === undefined && values.daysLate === undefined && TODAY_WORDS.test(u.normalised)) values.paidOn = PAID_TODAY;
  const figures = values.amount !== undefined || values.daysLate !== undefined || values.paidOn !== undefined;
  // a wage month alone starts the estimate only when the interest itself is asked about ("faedah ... bulan 10/2026"):
  // after a quote, "bulan lepas" changes the quote's month
  return figures || (interestWord && (ESTIMATE_WORDS.test(u.normalised) || values.wageMonth !== undefined)) ? values : null;
}
