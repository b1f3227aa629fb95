// The short quote reply: the three figures an employer acts on first (what the employer pays,
// what to deduct from the wage, the total to PERKESO), one line per scheme, the assumptions in
// one line, the source. The long explanation (bands, reasons, every assumption spelled out)
// stays one button away ("Kenapa?" / "Why?"), built by calculators/explain.ts.
import { explainQuote, type Calculator, formatRM, monthName, QuoteError, type Quote, type QuoteRequest } from '../../calculators';
import type { Lang, OfferedAction, Reply, SuggestedAction } from './types';
import type { Offers } from './replies';
import { textReply } from './replies';
import { phrasePairs } from '../../knowledge';
import type { Bilingual } from '../../locale';
import { S } from './strings';
import { markSource } from './reply-source';

type Bi = Bilingual;

// The words are in knowledge/phrases.yaml (groups quote, quote_assumed, quote_given, quote_buttons).
const T = phrasePairs({
  employerPays: 'quote.employer_pays',
  deduct: 'quote.deduct',
  total: 'quote.total',
  act4: 'quote.act4',
  cat1: 'quote.cat1',
  cat2: 'quote.cat2',
  eis: 'quote.eis',
  skbbk: 'quote.skbbk',
  employer: 'quote.employer',
  employee: 'quote.employee',
  none: 'quote.none',
  ceiling: 'quote.ceiling',
  assumed: 'quote.assumed',
  foreignNoOptOut: 'quote.foreign_no_opt_out',
  source: 'quote.source',
});

/** One short phrase per assumption the figures rest on (calculators/coverage.ts keys). */
const ASSUMED: Record<string, Bi> = phrasePairs({
  age: 'quote_assumed.age',
  ageUnder60: 'quote_assumed.age_under_60',
  firstInsured: 'quote_assumed.first_insured',
  nationality: 'quote_assumed.nationality',
  skbbk_opt_out: 'quote_assumed.skbbk_opt_out',
  month: 'quote_assumed.month',
});

/** What the user said about the worker, shown with the wage so that a changed detail is visible at once. */
const GIVEN = phrasePairs({
  age: 'quote_given.age',
  firstInsured: 'quote_given.first_insured',
  foreign: 'quote_given.foreign',
  local: 'quote_given.local',
  optedOut: 'quote_given.opted_out',
});

/** The details the request states (not assumed), in the user's language: "pekerja asing, umur 61". */
export function givenPhrases(req: QuoteRequest, lang: Lang): string[] {
  const out: string[] = [];
  if (req.foreign === true) out.push(GIVEN.foreign[lang]);
  else if (req.foreign === false) out.push(GIVEN.local[lang]);
  if (req.age !== undefined) out.push(fill(GIVEN.age[lang], { n: String(req.age) }));
  if (req.firstInsuredAge !== undefined) out.push(fill(GIVEN.firstInsured[lang], { n: String(req.firstInsuredAge) }));
  if (req.skbbkOptOut === true) out.push(GIVEN.optedOut[lang]);
  return out;
}

export const { WHY_BUTTON } = phrasePairs({ WHY_BUTTON: 'quote_buttons.why' });

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

function assumedPhrase(q: Quote, req: QuoteRequest, key: string, lang: Lang): string {
  if (key === 'month') return fill(ASSUMED.month[lang], { month: monthName(q.month, lang) });
  if (key === 'age') {
    // The calculator assumes an age three ways (calculators/coverage.ts), by what was given.
    if (req.age === undefined && req.firstInsuredAge === undefined) return ASSUMED.age[lang];
    if (req.age === undefined) return ASSUMED.ageUnder60[lang];
    return ASSUMED.firstInsured[lang];
  }
  return (ASSUMED[key] ?? { ms: key, en: key })[lang];
}

/** "Anggapan: umur 18–59, warganegara, tidak tarik diri, bulan upah Disember 2026", or null. */
export function assumptionsLine(q: Quote, req: QuoteRequest, lang: Lang): string | null {
  return joinAssumptions(assumedPhrases(q, req, lang), lang);
}

/** The short phrase of each assumption a quote rests on. */
export function assumedPhrases(q: Quote, req: QuoteRequest, lang: Lang): string[] {
  return q.assumptions.map((a) => assumedPhrase(q, req, a.key, lang));
}

/** "Anggapan: a, b, c", or null when nothing was assumed. */
export function joinAssumptions(phrases: string[], lang: Lang): string | null {
  return phrases.length === 0 ? null : `${T.assumed[lang]}: ${phrases.join(', ')}`;
}

/** One line per scheme: who pays what. */
export function schemeLines(q: Quote, lang: Lang): string[] {
  const er = T.employer[lang];
  const ee = T.employee[lang];
  const cat = q.act4.category === 1 ? T.cat1[lang] : T.cat2[lang];
  const lines = [`• ${T.act4[lang]}, ${cat}: ${er} ${formatRM(q.act4.employer)}, ${ee} ${formatRM(q.act4.employee)}`];
  lines.push(q.eis ? `• ${T.eis[lang]}: ${er} ${formatRM(q.eis.employer)}, ${ee} ${formatRM(q.eis.employee)}` : `• ${T.eis[lang]}: ${T.none[lang]}`);
  if (q.skbbk) lines.push(`• ${T.skbbk[lang]}: ${ee} ${formatRM(q.skbbk.employee)}`);
  else if (q.reasons.some((r) => r.key === 'skbbk')) lines.push(`• ${T.skbbk[lang]}: ${T.none[lang]}`);
  return lines;
}

/** The short reply text (markdown): three figures, schemes, ceiling, assumptions, source. */
export function shortQuoteText(q: Quote, req: QuoteRequest, lang: Lang): string {
  const monthAssumed = q.assumptions.some((a) => a.key === 'month');
  const given = [...(monthAssumed ? [] : [monthName(q.month, lang)]), ...givenPhrases(req, lang)];
  const details = given.length > 0 ? ` (${given.join(', ')})` : '';
  const lines = [
    fill(T.employerPays[lang], { wage: formatRM(q.wage), details, amount: formatRM(q.employer_total) }),
    fill(T.deduct[lang], { amount: formatRM(q.employee_total) }),
    fill(T.total[lang], { amount: formatRM(q.total) }),
    ...schemeLines(q, lang),
  ];
  if (q.ceilingApplied) lines.push(fill(T.ceiling[lang], { ceiling: formatRM(q.ceiling) }));
  // an opt-out said for a foreign worker does not apply (FACTS.md §3): say why LINDUNG is still deducted
  if (req.foreign && req.skbbkOptOut && q.skbbk) lines.push(T.foreignNoOptOut[lang]);
  const assumed = assumptionsLine(q, req, lang);
  if (assumed) lines.push(assumed);
  lines.push(`${T.source[lang]}: ${q.sources.map((s) => `[${s.title}](${s.url})`).join(' · ')}`);
  return lines.join('\n');
}

/** The buttons that change what the quote assumed (age, nationality, LINDUNG opt-out). */
export function changeButtons(req: QuoteRequest, q: Quote, lang: Lang, offers: Offers): SuggestedAction[] {
  const actions: SuggestedAction[] = [];
  const isOld = req.age !== undefined && req.age >= 60;
  actions.push(
    isOld
      ? offers.button(S.quoteChangeAgeUnder60[lang], { kind: 'quote_change', change: { age: 35 } })
      : offers.button(S.quoteChangeAge60[lang], { kind: 'quote_change', change: { age: 60 } }),
  );
  actions.push(
    req.foreign
      ? offers.button(S.quoteChangeLocal[lang], { kind: 'quote_change', change: { foreign: false } })
      : offers.button(S.quoteChangeForeign[lang], { kind: 'quote_change', change: { foreign: true, skbbkOptOut: false } }),
  );
  if (q.skbbk && !req.foreign) {
    actions.push(offers.button(S.quoteChangeOptOut[lang], { kind: 'quote_change', change: { skbbkOptOut: true } }));
  }
  return actions;
}

/** "Kenapa?" / "Why?": the full explanation of exactly this quote (same request, same clock). */
export function whyButton(req: QuoteRequest, lang: Lang, offers: Offers, now: Date): SuggestedAction {
  const action: OfferedAction = { kind: 'quote_why', request: req, at: now.toISOString() };
  return offers.button(WHY_BUTTON[lang], action);
}

/** The reply to "Kenapa?": bands, ceiling, reasons, every assumption in full, sources; the change buttons again. */
export function quoteWhyReply(calculator: Calculator, req: QuoteRequest, at: string, lang: Lang, offers: Offers): Reply {
  try {
    const q = calculator.quote(req, new Date(at));
    return markSource(textReply(explainQuote(q, lang), changeButtons(req, q, lang, offers)), { why: req, at, lang });
  } catch (err) {
    if (err instanceof QuoteError) return textReply(err[lang]);
    throw err;
  }
}
