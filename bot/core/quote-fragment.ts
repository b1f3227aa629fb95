// Right after a quote, is the next message a fragment of it or a new question?
//
// - A FRAGMENT changes one or more details of the last quote and keeps the rest: "3000?", "kalau 61?",
//   "umur 62", "bulan lepas", "pekerja asing", "tarik diri LINDUNG", "what about 4000", and any
//   correction ("opps salah, 3200 sebenarnya"). Its words, beyond the details themselves, are only
//   connectives ("kalau", "what about", "pulak", "?").
// - A FULL QUESTION has its own wage and words of its own that ask for a quote ("berapa socso gaji 4000",
//   "how much socso for RM2,800") or name another worker ("staff lain gaji 2500", "my other worker
//   earning 3k"). It starts from the defaults: nothing of the last worker is inherited.
// - Anything else (no detail at all, or leftover words a confident classifier reads as another topic)
//   is not about the last quote.
import Decimal from 'decimal.js';
import type { QuoteRequest } from '../../calculators';
import type { Understanding } from '../../intents';
import type { IntentCatalogue } from '../../knowledge';
import { OTHER_TOPIC_AT } from './policy';
import { detailsFromEntities, wageOf } from './quote-request';

export type AfterQuote = { kind: 'fragment' | 'fresh'; request: QuoteRequest } | null;

/** Words that ask for a quote on their own: a new question, not a fragment. */
const ASKS_FOR_QUOTE = /^(?:socso|perkeso|caruman|carum|contributions?|eis|sip|kira|kirakan|mengira|calculate|calc|calculator|kalkulator|deduct|deduction|potong|potongan)$/;
/** Words that name another worker: a new question ("staff lain", "my other worker", "new clerk"). */
const ANOTHER_WORKER = /^(?:lain|other|another|new|baru)$/;

// Words that only carry the details a fragment changes, or connect them; what is left is the message's own content.
const DETAIL_WORDS = new Set(
  (
    // wage
    'gaji upah wage wages salary pay rm ringgit k ribu ratus puluh belas setengah thousand hundred earning earns ' +
    // age and first insured
    'umur umurnya age aged old years year yo thn tahun first job kerja pertama kali belum pernah daftar berdaftar registered never insured ' +
    // wage month
    'bulan month lepas lalu depan hadapan last next previous coming ini ni this ' +
    'januari january jan februari february feb mac march mar april apr mei may jun june julai july jul ogos august aug ' +
    'september sept sep oktober october okt oct november nov disember december dis dec ' +
    // foreign or local; LINDUNG opt-out
    'pekerja worker workers staff employee asing foreign foreigner tempatan local warganegara citizen malaysian pr warga ' +
    'tarik diri opt opted out optout keluar lindung skbbk jam 24 notis pelepasan left withdrawn dah sudah already has have not tak ' +
    // corrections
    'opps oops salah silap sebenarnya actually sorry sori maaf meant mean bukan wrong typo eh ' +
    // connectives
    'kalau klu kalo kalu if what about how much and dan then pulak pula la lah je jer ke kah for untuk utk dia she he is was ' +
    'the a an of at with dengan yang tu itu nya to in on so ok okay berapa say instead it its s are were'
  ).split(' '),
);

function wordsLeft(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '' && !/\d/.test(w) && !DETAIL_WORDS.has(w));
}

/**
 * The message's own words: what is left once numbers, detail words and connectives are taken out. Read
 * both as typed and as normalised (shortforms expanded, "klu" -> "kalau"), keeping the shorter, so
 * that neither a shortform nor a spelling "correction" ("tarik" -> "tarikh") leaves a word behind.
 */
export function ownWords(u: Pick<Understanding, 'text' | 'normalised'>): string[] {
  const typed = wordsLeft(u.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '));
  const normalised = wordsLeft(u.normalised);
  return typed.length < normalised.length ? typed : normalised;
}

/** Whether the message asks for a quote itself or names another worker: a full question. */
function asksAfresh(u: Understanding): boolean {
  const words = [...wordsLeft(u.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')), ...wordsLeft(u.normalised)];
  return words.some((w) => ASKS_FOR_QUOTE.test(w) || ANOTHER_WORKER.test(w));
}

/**
 * Whether the message may be about a quote: read as an intent whose reading does not outweigh a quote
 * (quote_like in knowledge/intents.yaml: "what about RM7,000?"), or no other topic is sure.
 */
export function quoteLike(u: Understanding, catalogue: IntentCatalogue): boolean {
  return catalogue.has(u.intent, 'quote_like') || u.confidence < OTHER_TOPIC_AT;
}

/** A message that is one bare number: a wage from RM100 up, an age below that ("3000?", "kalau 61?"). */
function loneNumber(u: Understanding): Partial<QuoteRequest> {
  const numbers = u.text.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
  if (numbers.length !== 1) return {};
  const n = Number(numbers[0].replace(/,/g, ''));
  if (n >= 100) return { wage: new Decimal(n).toFixed(2) };
  if (n >= 15) return { age: n };
  return {};
}

/**
 * Reads a message that follows a quote (see the top of this file). `last` is null after a reply for
 * several workers: there a fragment with a wage is a new quote from the defaults, and one without is nothing.
 */
export function readAfterQuote(u: Understanding, last: QuoteRequest | null, catalogue: IntentCatalogue): AfterQuote {
  const e = u.entities;
  const wage = wageOf(e);
  const own = ownWords(u);
  let change: Partial<QuoteRequest> = { ...detailsFromEntities(e), ...(wage !== undefined ? { wage } : {}) };
  if (wage === undefined && change.age === undefined && change.month === undefined) change = { ...loneNumber(u), ...change };
  if (Object.keys(change).length === 0) return null;

  if (wage !== undefined && !e.correction && asksAfresh(u)) {
    return quoteLike(u, catalogue) ? { kind: 'fresh', request: { ...change, wage } } : null;
  }
  if (own.length > 0 && !e.correction && !quoteLike(u, catalogue)) return null;
  if (last) return { kind: 'fragment', request: { ...last, ...change } };
  return change.wage !== undefined ? { kind: 'fresh', request: { ...change, wage: change.wage } } : null;
}
