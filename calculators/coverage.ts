import { Bilingual, QuoteError } from './errors';
import { textPair, textPairBy } from './texts';

/** Who pays which scheme (FACTS.md §2 and §3). Pure rules: no tables, no money. */

/** Foreign workers gained Invalidity cover (First Category) from this wage month: Employer Circular No. 2 Year 2024. */
export const FOREIGN_FIRST_CATEGORY_FROM = '2024-07';
/** SKBBK's first wage month is mandatory for everyone and non-refundable; opt-outs count from the month after. */
export const SKBBK_MANDATORY_MONTH = '2026-06';

export type AssumptionKey = 'age' | 'nationality' | 'skbbk_opt_out' | 'month';
export interface Assumption extends Bilingual {
  key: AssumptionKey;
}
/** Why a scheme applies or not, stated in the reply so the user can check it. */
export interface Reason extends Bilingual {
  key: 'category' | 'eis' | 'skbbk';
}

export interface Person {
  age?: number;
  firstInsuredAge?: number;
  foreign?: boolean;
  skbbkOptOut?: boolean;
}

export interface Coverage {
  category: 1 | 2;
  eis: boolean;
  skbbk: boolean;
  reasons: Reason[];
  assumptions: Assumption[];
}

/** Ages are whole years; anything else is refused rather than rounded. */
export function checkAge(value: number | undefined, which: 'age' | 'firstInsuredAge'): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    const label = textPair(which === 'age' ? 'coverage.age_label' : 'coverage.first_insured_age_label');
    throw new QuoteError(`${which === 'age' ? 'age' : 'first_insured_age'}_invalid`, textPairBy('coverage.age_invalid', (lang) => ({ what: label[lang] })));
  }
}

/**
 * Decides the Act 4 category, EIS and SKBBK for a wage month. `skbbkInForce` says whether the month has an SKBBK
 * table at all (from June 2026).
 */
export function decideCoverage(p: Person, month: string, skbbkInForce: boolean): Coverage {
  checkAge(p.age, 'age');
  checkAge(p.firstInsuredAge, 'firstInsuredAge');
  const { age, firstInsuredAge: firstAge } = p;
  if (age !== undefined && firstAge !== undefined && firstAge > age) {
    throw new QuoteError('first_insured_age_invalid', textPair('coverage.first_insured_above_age', { first: String(firstAge), age: String(age) }));
  }
  const foreign = p.foreign === true;
  const reasons: Reason[] = [];
  let optOutAssumed = false;

  // Act 4 category (FACTS §2.1 "Category decision").
  let category: 1 | 2 = 1;
  if (age !== undefined && age >= 60) {
    category = 2;
    reasons.push({ key: 'category', ...textPair('coverage.reason_age_60') });
  } else if (firstAge !== undefined && firstAge >= 55) {
    category = 2;
    reasons.push({ key: 'category', ...textPair('coverage.reason_first_insured_55') });
  } else if (foreign && month < FOREIGN_FIRST_CATEGORY_FROM) {
    category = 2;
    reasons.push({ key: 'category', ...textPair('coverage.reason_foreign_before_july_2024') });
  } else if (foreign) {
    reasons.push({ key: 'category', ...textPair('coverage.reason_foreign_from_july_2024') });
  }

  // EIS (Act 800): citizens and PRs aged 18 to under 60, unless first insured at 57+ with nothing payable before 57.
  let eis = true;
  if (foreign) {
    eis = false;
    reasons.push({ key: 'eis', ...textPair('coverage.reason_eis_foreign') });
  } else if (age !== undefined && (age < 18 || age >= 60)) {
    eis = false;
    reasons.push({ key: 'eis', ...textPair('coverage.reason_eis_age') });
  } else if (firstAge !== undefined && firstAge >= 57) {
    eis = false;
    reasons.push({ key: 'eis', ...textPair('coverage.reason_eis_first_insured_57') });
  }

  // SKBBK (LINDUNG 24 Jam): employee only, any age and both categories; citizens and PRs may opt out, foreign workers not.
  let skbbk = skbbkInForce;
  if (skbbkInForce && p.skbbkOptOut === true) {
    if (foreign) {
      reasons.push({ key: 'skbbk', ...textPair('coverage.reason_skbbk_foreign') });
    } else if (month === SKBBK_MANDATORY_MONTH) {
      reasons.push({ key: 'skbbk', ...textPair('coverage.reason_skbbk_june_2026') });
    } else {
      skbbk = false;
      reasons.push({ key: 'skbbk', ...textPair('coverage.reason_skbbk_opted_out') });
    }
  } else if (skbbkInForce && p.skbbkOptOut === undefined && !foreign && month > SKBBK_MANDATORY_MONTH) {
    optOutAssumed = true;
  }

  // Assumptions for what the user did not say, only where the answer depends on it.
  const assumptions: Assumption[] = [];
  if (age === undefined && firstAge === undefined) {
    assumptions.push({ key: 'age', ...textPair('coverage.assumed_age') });
  } else if (age === undefined) {
    assumptions.push({ key: 'age', ...textPair('coverage.assumed_current_age') });
  } else if (age >= 55 && age < 60 && firstAge === undefined) {
    assumptions.push({ key: 'age', ...textPair('coverage.assumed_first_insured_before_55') });
  }
  const dependsOnNationality = eis || (category === 1 && month < FOREIGN_FIRST_CATEGORY_FROM);
  if (p.foreign === undefined && dependsOnNationality) {
    assumptions.push({ key: 'nationality', ...textPair('coverage.assumed_citizen') });
  }
  if (optOutAssumed) {
    assumptions.push({ key: 'skbbk_opt_out', ...textPair('coverage.assumed_not_opted_out') });
  }

  return { category, eis, skbbk, reasons, assumptions };
}
