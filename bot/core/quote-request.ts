// What a message says about a quote, as calculator inputs: the wage and every detail said in
// passing (age, age first insured, foreign or local, LINDUNG 24 Jam opt-out, wage month).
import type { QuoteRequest } from '../../calculators';
import type { Entities } from '../../intents';

/** The wage of a message: in a correction ("2300, eh salah, 3200 sebenarnya") the last one said wins. */
export function wageOf(entities: Entities): string | undefined {
  return entities.correction ? entities.wages.at(-1) : entities.wages[0];
}

/** The details a message gives, without the wage; empty when it gives none. */
export function detailsFromEntities(e: Entities): Partial<QuoteRequest> {
  const d: Partial<QuoteRequest> = {};
  if (e.ages.length > 0) d.age = e.ages[0];
  if (e.firstInsuredAge !== null) d.firstInsuredAge = e.firstInsuredAge;
  // Relative months ("bulan lepas") arrive resolved against the turn's clock.
  if (e.months.length > 0) d.month = e.months[0];
  if (e.foreign !== null) d.foreign = e.foreign;
  if (e.skbbkOptOut !== null) d.skbbkOptOut = e.skbbkOptOut;
  return d;
}

/** Builds a quote request from one message's entities on top of `base` (null: from the defaults). */
export function requestFromEntities(entities: Entities, base: QuoteRequest | null): QuoteRequest | null {
  const wage = wageOf(entities) ?? base?.wage;
  if (wage === undefined) return null;
  return { ...(base ?? {}), ...detailsFromEntities(entities), wage };
}
