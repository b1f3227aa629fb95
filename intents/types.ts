// Public types of the understanding layer (re-exported by intents/index.ts).

export type Lang = 'ms' | 'en';
export type Agency = 'kwsp' | 'lhdn' | 'hrdcorp' | 'ssm';

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
  understand(text: string, context?: { lang?: Lang }): Understanding;
  classify(text: string): Classification & { lang: Lang };
}
