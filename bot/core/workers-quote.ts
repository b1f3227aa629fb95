// Several workers in one message ("4 staff: 1.2k, 3k, 7.5k, 2.2k", "Ahmad 2,100 umur 30, Ravi 2,650 umur 62",
// a pasted list): one reply with a row per worker (Act 4 employer and employee, EIS, LINDUNG 24 Jam), then
// the employer, employee and grand totals. Each name and age stays with its own wage; a worker the
// calculator cannot quote keeps its row with the reason.
import { formatRM, type Calculator, monthName, type BatchRow, type QuoteRequest } from '../../calculators';
import type { Entities, WorkerEntry } from '../../intents';
import { phrasePairs, type KnowledgeBase } from '../../knowledge';
import { detailsFromEntities } from './quote-request';
import { assumedPhrases, joinAssumptions } from './quote-text';
import type { Lang, Reply } from './types';

/** More than this many workers in one message is a job for `hanna quote --csv`. */
export const MAX_WORKERS_IN_CHAT = 50;

// The row and table words are in knowledge/phrases.yaml (group workers_row).
const L = phrasePairs({
  worker: 'workers_row.worker',
  age: 'workers_row.age',
  foreign: 'workers_row.foreign',
  wage: 'workers_row.wage',
  act4: 'workers_row.act4',
  act4Er: 'workers_row.act4_employer',
  act4Ee: 'workers_row.act4_employee',
  eis: 'workers_row.eis',
  skbbk: 'workers_row.skbbk',
  employer: 'workers_row.employer',
  employee: 'workers_row.employee',
  none: 'workers_row.none',
  cat2: 'workers_row.cat2',
});

/** The quote request of each worker: its own wage, age and status, the message's month and opt-out. */
export function workerRequests(workers: WorkerEntry[], entities: Entities): QuoteRequest[] {
  const shared = detailsFromEntities(entities);
  // "Mary 4500 foreign worker" marks Mary only; a status said for the list applies to all only when no
  // worker has one of its own ("3 pekerja asing: 1500, 1800, 2000").
  const ownStatus = workers.some((w) => w.foreign !== null);
  return workers.map((w) => {
    const req: QuoteRequest = { wage: w.wage };
    if (shared.month !== undefined) req.month = shared.month;
    if (shared.skbbkOptOut !== undefined) req.skbbkOptOut = shared.skbbkOptOut;
    if (w.age !== null) req.age = w.age;
    const foreign = ownStatus ? w.foreign ?? undefined : shared.foreign;
    if (foreign !== undefined) req.foreign = foreign;
    return req;
  });
}

function label(w: WorkerEntry, i: number, lang: Lang): string {
  const parts = [w.name ?? `${L.worker[lang]} ${i + 1}`];
  if (w.age !== null) parts.push(`${L.age[lang]} ${w.age}`);
  if (w.foreign) parts.push(L.foreign[lang]);
  return parts.join(', ');
}

function rowText(row: BatchRow, name: string, lang: Lang): string {
  const wage = row.ok ? formatRM(row.quote.wage) : String(row.request.wage);
  if (!row.ok) return `${name}, ${wage}: ${row.error[lang]}`;
  const q = row.quote;
  const cat = q.act4.category === 2 ? ` (${L.cat2[lang]})` : '';
  const act4 = `${L.act4[lang]}${cat} ${L.employer[lang]} ${formatRM(q.act4.employer)}, ${L.employee[lang]} ${formatRM(q.act4.employee)}`;
  const eis = q.eis ? `${L.eis[lang]} ${L.employer[lang]} ${formatRM(q.eis.employer)}, ${L.employee[lang]} ${formatRM(q.eis.employee)}` : `${L.eis[lang]} ${L.none[lang]}`;
  const skbbk = `${L.skbbk[lang]} ${q.skbbk ? formatRM(q.skbbk.employee) : L.none[lang]}`;
  return `${name}, ${wage}: ${act4} · ${eis} · ${skbbk}`;
}

const cell = (text: string, weight?: 'Bolder') => ({
  type: 'Column',
  width: 'stretch',
  items: [{ type: 'TextBlock', text, wrap: true, size: 'Small', ...(weight ? { weight } : {}) }],
});

/** Adaptive Card 1.3 (Teams renders it): a table of ColumnSet rows, then the totals. */
function workersCard(heading: string, names: string[], rows: BatchRow[], totals: string, lang: Lang): Record<string, unknown> {
  const header = [L.worker, L.wage, L.act4Er, L.act4Ee, L.eis, L.skbbk].map((h) => cell(h[lang], 'Bolder'));
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'ColumnSet', columns: header },
  ];
  rows.forEach((row, i) => {
    if (!row.ok) {
      body.push({ type: 'ColumnSet', separator: true, columns: [cell(names[i]), cell(String(row.request.wage)), { ...cell(row.error[lang]), width: 'stretch' }] });
      return;
    }
    const q = row.quote;
    const eis = q.eis ? `${formatRM(q.eis.employer)} + ${formatRM(q.eis.employee)}` : L.none[lang];
    body.push({
      type: 'ColumnSet',
      separator: true,
      columns: [names[i], formatRM(q.wage), formatRM(q.act4.employer), formatRM(q.act4.employee), eis, q.skbbk ? formatRM(q.skbbk.employee) : L.none[lang]].map((t) => cell(t)),
    });
  });
  body.push({ type: 'TextBlock', text: totals, wrap: true, separator: true, spacing: 'Medium' });
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.3', body };
}

/** The reply for several workers: text (one line per worker, then the totals) and the same as a card. */
export function workersReply(kb: KnowledgeBase, workers: WorkerEntry[], entities: Entities, lang: Lang, now: Date, calculator: Calculator): Reply {
  if (workers.length > MAX_WORKERS_IN_CHAT) {
    return { text: kb.phrase('workers_too_many', lang, { count: String(workers.length), max: String(MAX_WORKERS_IN_CHAT) }) };
  }
  const batch = calculator.quotes(workerRequests(workers, entities), now);
  const quoted = batch.rows.filter((r): r is Extract<BatchRow, { ok: true }> => r.ok);
  const month = quoted[0]?.quote.month ?? null;
  const heading = kb.phrase('workers_heading', lang, { count: String(workers.length), month: month ? monthName(month, lang) : '-' });
  const names = workers.map((w, i) => label(w, i, lang));
  const totals = kb.phrase('workers_totals', lang, {
    employer: formatRM(batch.totals.employer),
    employee: formatRM(batch.totals.employee),
    total: formatRM(batch.totals.total),
  });
  // What the figures rest on, once for the list (each phrase once, whichever workers it applies to).
  const assumed = joinAssumptions([...new Set(quoted.flatMap((r) => assumedPhrases(r.quote, r.request, lang)))], lang);
  const lines = [heading, ...batch.rows.map((r, i) => `${i + 1}. ${rowText(r, names[i], lang)}`), totals, ...(assumed ? [assumed] : [])];
  return { text: lines.join('\n'), card: workersCard(heading, names, batch.rows, totals, lang) };
}
