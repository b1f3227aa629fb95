import { Bilingual, QuoteError } from './errors';

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
    const label = which === 'age' ? { ms: 'Umur', en: 'The age' } : { ms: 'Umur semasa mula diinsuranskan', en: 'The age when first insured' };
    throw new QuoteError(`${which === 'age' ? 'age' : 'first_insured_age'}_invalid`, {
      ms: `${label.ms} mesti nombor bulat antara 1 dan 100 tahun (contoh: 35).`,
      en: `${label.en} must be a whole number of years between 1 and 100 (for example 35).`,
    });
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
    throw new QuoteError('first_insured_age_invalid', {
      ms: `Umur semasa mula diinsuranskan (${firstAge}) tidak boleh lebih daripada umur sekarang (${age}).`,
      en: `The age when first insured (${firstAge}) cannot be above the current age (${age}).`,
    });
  }
  const foreign = p.foreign === true;
  const reasons: Reason[] = [];
  let optOutAssumed = false;

  // Act 4 category (FACTS §2.1 "Category decision").
  let category: 1 | 2 = 1;
  if (age !== undefined && age >= 60) {
    category = 2;
    reasons.push({ key: 'category', ms: 'Umur 60 tahun ke atas: Kategori Kedua (Bencana Pekerjaan sahaja, dibayar oleh majikan).', en: 'Aged 60 or over: Second Category (Employment Injury only, paid by the employer).' });
  } else if (firstAge !== undefined && firstAge >= 55) {
    category = 2;
    reasons.push({ key: 'category', ms: 'Mula diinsuranskan pada umur 55 tahun atau lebih: Kategori Kedua (Bencana Pekerjaan sahaja, dibayar oleh majikan).', en: 'First insured at 55 or older: Second Category (Employment Injury only, paid by the employer).' });
  } else if (foreign && month < FOREIGN_FIRST_CATEGORY_FROM) {
    category = 2;
    reasons.push({ key: 'category', ms: 'Pekerja asing sebelum bulan upah Julai 2024: Bencana Pekerjaan sahaja, dibayar oleh majikan.', en: 'Foreign worker before wage month July 2024: Employment Injury only, paid by the employer.' });
  } else if (foreign) {
    reasons.push({ key: 'category', ms: 'Pekerja asing dari bulan upah Julai 2024: Kategori Pertama (Bencana Pekerjaan dan Keilatan).', en: 'Foreign worker from wage month July 2024: First Category (Employment Injury and Invalidity).' });
  }

  // EIS (Act 800): citizens and PRs aged 18 to under 60, unless first insured at 57+ with nothing payable before 57.
  let eis = true;
  if (foreign) {
    eis = false;
    reasons.push({ key: 'eis', ms: 'Pekerja asing tidak dilindungi SIP (Akta 800).', en: 'Foreign workers are not covered by EIS (Act 800).' });
  } else if (age !== undefined && (age < 18 || age >= 60)) {
    eis = false;
    reasons.push({ key: 'eis', ms: 'SIP (Akta 800) hanya untuk umur 18 hingga bawah 60 tahun.', en: 'EIS (Act 800) covers ages 18 to under 60 only.' });
  } else if (firstAge !== undefined && firstAge >= 57) {
    eis = false;
    reasons.push({ key: 'eis', ms: 'Mula bekerja pada umur 57 tahun atau lebih tanpa caruman SIP yang kena dibayar sebelum 57: dikecualikan daripada SIP.', en: 'First insured at 57 or older, with no EIS contribution payable before 57: exempt from EIS.' });
  }

  // SKBBK (LINDUNG 24 Jam): employee only, any age and both categories; citizens and PRs may opt out, foreign workers not.
  let skbbk = skbbkInForce;
  if (skbbkInForce && p.skbbkOptOut === true) {
    if (foreign) {
      reasons.push({ key: 'skbbk', ms: 'Pekerja asing tidak boleh menarik diri daripada LINDUNG 24 Jam: caruman tetap dipotong.', en: 'Foreign workers cannot opt out of LINDUNG 24 Jam: the deduction still applies.' });
    } else if (month === SKBBK_MANDATORY_MONTH) {
      reasons.push({ key: 'skbbk', ms: 'Bulan upah Jun 2026 wajib untuk semua pekerja, termasuk yang kemudian menarik diri, dan tidak dikembalikan.', en: 'Wage month June 2026 is mandatory for every employee, including those who opted out later, and is not refunded.' });
    } else {
      skbbk = false;
      reasons.push({ key: 'skbbk', ms: 'Pekerja telah menarik diri daripada LINDUNG 24 Jam (notis pelepasan liabiliti): tiada potongan SKBBK.', en: 'The employee opted out of LINDUNG 24 Jam (release from liability): no SKBBK deduction.' });
    }
  } else if (skbbkInForce && p.skbbkOptOut === undefined && !foreign && month > SKBBK_MANDATORY_MONTH) {
    optOutAssumed = true;
  }

  // Assumptions for what the user did not say, only where the answer depends on it.
  const assumptions: Assumption[] = [];
  if (age === undefined && firstAge === undefined) {
    assumptions.push({ key: 'age', ms: 'Umur tidak diberi: saya anggap pekerja berumur 18 hingga 54 tahun dan mula diinsuranskan sebelum 55 (Kategori Pertama). Beritahu saya jika umurnya 60 ke atas, bawah 18, atau mula diinsuranskan pada umur 55 ke atas.', en: 'Age not given: I assumed the employee is 18 to 54 and was first insured before 55 (First Category). Tell me if they are 60 or over, under 18, or were first insured at 55 or older.' });
  } else if (age === undefined) {
    assumptions.push({ key: 'age', ms: 'Umur sekarang tidak diberi: saya anggap di bawah 60 tahun.', en: 'Current age not given: I assumed under 60.' });
  } else if (age >= 55 && age < 60 && firstAge === undefined) {
    assumptions.push({ key: 'age', ms: 'Saya anggap pekerja mula diinsuranskan sebelum umur 55 (Kategori Pertama). Jika mula diinsuranskan pada umur 55 atau lebih, ia Kategori Kedua.', en: 'I assumed the employee was first insured before 55 (First Category). If first insured at 55 or older, it is Second Category.' });
  }
  const dependsOnNationality = eis || (category === 1 && month < FOREIGN_FIRST_CATEGORY_FROM);
  if (p.foreign === undefined && dependsOnNationality) {
    assumptions.push({ key: 'nationality', ms: 'Saya anggap pekerja warganegara Malaysia atau penduduk tetap. Pekerja asing tiada SIP.', en: 'I assumed a Malaysian citizen or permanent resident. Foreign workers have no EIS.' });
  }
  if (optOutAssumed) {
    assumptions.push({ key: 'skbbk_opt_out', ms: 'Saya anggap pekerja tidak menarik diri daripada LINDUNG 24 Jam. Jika warganegara/PR ini telah memfailkan notis pelepasan liabiliti, tiada potongan SKBBK.', en: 'I assumed the employee has not opted out of LINDUNG 24 Jam. If this citizen/PR filed a release from liability, there is no SKBBK deduction.' });
  }

  return { category, eis, skbbk, reasons, assumptions };
}
