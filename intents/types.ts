// Public types of the understanding layer (re-exported by intents/index.ts).

export type Lang = 'ms' | 'en';
export type Agency = 'kwsp' | 'lhdn' | 'hrdcorp' | 'ssm';

/** One worker of a message that lists several ("Ahmad 2,100 umur 30, Ravi 2,650 umur 62"). */
export interface WorkerEntry {
  name: string | null;
  /** Ringgit with two decimals. */
  wage: string;
  age: number | null;
  foreign: boolean | null;
}

export interface Entities {
  /** Ringgit with two decimals, e.g. "2500.00". */
  wages: string[];
  ages: number[];
  /** YYYY-MM. */
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
  /** Every worker when a message lists two or more, each with its own name and age; empty otherwise. */
  workers: WorkerEntry[];
  /** LINDUNG 24 Jam (SKBBK) opt-out said in passing: true opted out ("tarik diri", "opt out"), false said not, null unsaid. */
  skbbkOptOut: boolean | null;
  /** The age at which the worker was first insured, when said ("first job at 57", "belum pernah daftar PERKESO, umur 56"). */
  firstInsuredAge: number | null;
  /** The message corrects what was said before ("opps salah, 3200 sebenarnya", "I meant 3200"). */
  correction: boolean;
  /** Days a payment was late, when said ("2 weeks late" -> 14). */
  daysLate: number | null;
  /** Calendar dates mentioned (YYYY-MM-DD), e.g. a payment date "bayar 3 Oktober". */
  dates: string[];
}

/** What the caller knows besides the text: the conversation's language and today (for "bulan lepas"). */
export interface UnderstandContext {
  lang?: Lang;
  /** The moment of the turn; relative months and dates ("last month", "3 Oktober") resolve against it in Asia/Kuala_Lumpur. */
  now?: Date;
}

export interface Ranked {
  intent: string;
  confidence: number;
}

export interface Classification {
  intent: string;
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
