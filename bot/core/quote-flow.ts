// Contribution quotes in chat: compute from what the user said, explain, and offer
// buttons that change the assumptions the answer depended on.
import { formatRM, monthName, parseMoney, QuoteError, type Calculator, type Quote, type QuoteRequest } from '../../calculators';
import type { Entities } from '../../intents';
import { phrasePairs } from '../../knowledge';
import { wageOf } from './quote-request';
import type { Lang, Reply } from './types';
import { Offers, textReply } from './replies';
import { changeButtons, shortQuoteText, whyButton } from './quote-text';
import { markSource } from './reply-source';

/**
 * An amount given as the answer to "how much?": a wage the entity extractor found, or a message
 * that is only a number ("2500", "RM 2,500.50"), which in free text would be too weak a signal.
 */
export function amountAnswer(text: string, entities: Entities): string | null {
  const wage = wageOf(entities);
  if (wage !== undefined) return wage;
  try {
    return parseMoney(text.replace(/^\s*rm\s*/i, '')).toFixed(2);
  } catch {
    return null;
  }
}

export interface QuoteOutcome {
  reply: Reply;
  request: QuoteRequest | null;
}

export function quoteReply(calculator: Calculator, req: QuoteRequest, lang: Lang, offers: Offers, now: Date): QuoteOutcome {
  let quote: Quote;
  try {
    quote = calculator.quote(req, now);
  } catch (err) {
    if (err instanceof QuoteError) return { reply: textReply(err[lang]), request: null };
    throw err;
  }
  // Short first (the three figures, one line per scheme, the assumptions); the full
  // explanation behind "Kenapa?" / "Why?".
  const text = shortQuoteText(quote, req, lang);
  const actions = [...changeButtons(req, quote, lang, offers), whyButton(req, lang, offers, now), offers.intent('contribution_quote', lang)];
  const reply: Reply = { text, suggestedActions: actions, card: quoteCard(quote, lang) };
  return { reply: markSource(reply, { quote: req, lang }), request: req };
}

// The card's words are in knowledge/phrases.yaml (group quote_card).
const L = phrasePairs({
  wage: 'quote_card.wage',
  employerPays: 'quote_card.employer_pays',
  deduct: 'quote_card.deduct',
  total: 'quote_card.total',
  month: 'quote_card.month',
  act4: 'quote_card.act4',
  eis: 'quote_card.eis',
  skbbk: 'quote_card.skbbk',
  employer: 'quote_card.employer',
  employee: 'quote_card.employee',
  none: 'quote_card.none',
});

/** An Adaptive Card (1.3, within what Teams renders): the same figures, order and money format as the text. */
export function quoteCard(q: Quote, lang: Lang): Record<string, unknown> {
  const rm = formatRM;
  const facts = [
    { title: L.employerPays[lang], value: rm(q.employer_total) },
    { title: L.deduct[lang], value: rm(q.employee_total) },
    { title: L.total[lang], value: rm(q.total) },
    { title: `${L.act4[lang]} ${q.act4.category}`, value: `${L.employer[lang]} ${rm(q.act4.employer)} · ${L.employee[lang]} ${rm(q.act4.employee)}` },
    { title: L.eis[lang], value: q.eis ? `${L.employer[lang]} ${rm(q.eis.employer)} · ${L.employee[lang]} ${rm(q.eis.employee)}` : L.none[lang] },
    { title: L.skbbk[lang], value: q.skbbk ? rm(q.skbbk.employee) : L.none[lang] },
    { title: L.month[lang], value: monthName(q.month, lang) },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body: [
      { type: 'TextBlock', text: L.wage[lang].replace('{wage}', rm(q.wage)), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts },
    ],
  };
}
