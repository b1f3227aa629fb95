// Late-payment interest asked in one message: "RM8,000 caruman bulan Ogos, bayar 3 Oktober, berapa
// faedah?", "owe 10k, paid 2 weeks late". What it gives pre-fills the interest form, which then asks
// only for what is missing (or answers at once when nothing is).
import type { Understanding } from '../../intents';
import { lateInterestPrefill } from './forms/late-interest';
import { OTHER_TOPIC_AT } from './policy';

/** Words that ask about the interest (FCLB) itself, not just about paying late. */
const INTEREST_WORDS = /\b(?:faedah|interest|fclb|denda|penalti|penalty|late\s+(?:charge|fee)s?|caj\s+lewat)\b/;

/** The interest form's values from the message, or null when it does not ask for an estimate. */
export function interestRequest(u: Understanding): Record<string, string> | null {
  const e = u.entities;
  const asks = INTEREST_WORDS.test(u.normalised) || e.daysLate !== null || (u.intent === 'late_payment' && u.confidence >= OTHER_TOPIC_AT);
  if (!asks) return null;
  const values = lateInterestPrefill(e);
  // Something to estimate with: an amount, how late, or when it was paid.
  return values.amount !== undefined || values.daysLate !== undefined || values.paidOn !== undefined ? values : null;
}
