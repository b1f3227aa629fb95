// Public types of the understanding layer (re-exported by intents/index.ts).
import type { IntentId } from './ids';

export type { Lang } from '../locale';
import type { Lang } from '../locale';
export type Agency = 'kwsp' | 'lhdn' | 'hrdcorp' | 'ssm' | 'jtk' | 'imigresen';

/** One worker of a message that lists several ("Ahmad 2,100 umur 30, Ravi 2,650 umur 62"). */
export interface WorkerEntry {
  name: string | null;
  /** Ringgit with two decimals. */
  wage: string;
  age: number | null;
  foreign: boolean | null;
}

export interface Entities {
  /**
   * Every amount of money, ringgit with two decimals ("2500.00"), in text order; a repeated amount
   * appears each time. An amount the message says is wrong is left out ("bukan 2300, 3200" and
   * "2300 patut 3200" give ["3200.00"]). When `correction` is true and several remain, the last is the
   * corrected one. Whether an amount is a wage or a contribution owed is for the core to decide.
   */
  wages: string[];
  ages: number[];
  /** YYYY-MM, in text order. Relative ones ("bulan lepas", "Mac lepas", "for August") only with `now`. */
  months: string[];
  /** Uppercased, /^[A-Z]\d{10}[A-Z]$/. */
  employerCodes: string[];
  /** 12 digits, no dashes. */
  mykads: string[];
  emails: string[];
  phones: string[];
  urls: string[];
  /** true: foreign worker mentioned; false: local worker mentioned; null: neither. */
  foreign: boolean | null;
  agency: Agency | null;
  looksLikePassword: boolean;
  bankAccount: boolean;
  /**
   * Every worker when a message gives two or more amounts, each with its own name, age and status, in the
   * order of `wages` (a pasted list: one per line, without a cap); empty with fewer than two amounts.
   */
  workers: WorkerEntry[];
  /**
   * LINDUNG 24 Jam (SKBBK) opt-out said in passing: true opted out or would ("tarik diri", "opt out", "kalau
   * tarik diri"), false said not ("tak tarik diri", "masih dalam LINDUNG"), null unsaid or only asked
   * about ("macam mana nak tarik diri?" is a question for the LINDUNG intent, not a detail of this worker).
   */
  skbbkOptOut: boolean | null;
  /** The age at which the worker was first insured, when said ("first job at 57", "belum pernah daftar PERKESO, umur 56"). */
  firstInsuredAge: number | null;
  /** The message corrects what was said before ("opps salah, 3200 sebenarnya", "I meant 3200"). */
  correction: boolean;
  /** Days a payment was late, when said ("2 weeks late" -> 14); null for a delay in months ("late by a month"). */
  daysLate: number | null;
  /**
   * Calendar dates mentioned (YYYY-MM-DD), in text order: "3/10/2026" (day first), "2026-10-03", and with
   * `now` "bayar 3 Oktober" (the first such day from the message's wage month, else the nearest one) and
   * "semalam"/"hari ini"/"esok".
   */
  dates: string[];
}

/** What the caller knows besides the text: the conversation's language and today (for "bulan lepas"). */
export interface UnderstandContext {
  lang?: Lang;
  /** The moment of the turn; relative months and dates ("last month", "3 Oktober") resolve against it in Asia/Kuala_Lumpur. */
  now?: Date;
}

export interface Ranked {
  intent: IntentId;
  confidence: number;
}

export interface Classification {
  intent: IntentId;
  confidence: number;
  /** Top 3, best first, the winner included. */
  ranking: Ranked[];
}

export interface Understanding extends Classification {
  text: string;
  normalised: string;
  lang: Lang;
  /** Set when the message asks to change the conversation language. */
  langSwitch: Lang | null;
  /** Whether the message itself showed its language (false for "hi", "ok", "RM2500": the default or context was used). */
  langEvidence: boolean;
  entities: Entities;
}

export interface Understander {
  understand(text: string, context?: UnderstandContext): Understanding;
  classify(text: string): Classification & { lang: Lang };
}
