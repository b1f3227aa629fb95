// The figures behind the console's charts, from the per-day counters and the ticket index, and
// each chart's data as CSV.
import type { TicketStatus, TicketSummary } from '../tickets';
import { TICKET_STATUSES } from '../tickets/types';
import type { DocumentStore } from '../storage';
import { klDay, lastDays } from './day';
import { countersKey } from './keys';
import { emptyDay, type DayCounters } from './types';

export const DEFAULT_INSIGHT_DAYS = 14;
export const MAX_INSIGHT_DAYS = 90;
const TOP_INTENTS = 8;

export interface InsightsReport {
  days: string[];
  /** Conversations started per day. */
  conversations: number[];
  messages: number[];
  /** Share (0-1) of the day's conversations that ended without a ticket or a 👎; null with no conversations. */
  containment: (number | null)[];
  uncontained: number[];
  /** Share (0-1) of the day's messages the bot asked about, could not place or ruled out of scope. */
  notUnderstoodRate: (number | null)[];
  notUnderstood: number[];
  /** The most asked intents over the period, most first, with their count per day. */
  topIntents: { intent: string; total: number; perDay: number[] }[];
  /** 👍/👎 per answer over the period, most rated first. */
  feedback: { answerId: string; up: number; down: number }[];
  /** Messages by language over the period. */
  languages: { lang: string; messages: number }[];
  /** Tickets filed per day, by their status now. */
  tickets: Record<TicketStatus, number[]>;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

export async function insightsReport(store: DocumentStore, tickets: () => Promise<TicketSummary[]>, now: Date, dayCount = DEFAULT_INSIGHT_DAYS): Promise<InsightsReport> {
  const days = lastDays(dayCount, now);
  const docs = await store.read(days.map(countersKey));
  const counters = days.map((d) => ({ ...emptyDay(d), ...(docs[countersKey(d)]?.doc as Partial<DayCounters> | undefined) }));

  const intentTotals = new Map<string, number>();
  const feedback = new Map<string, { up: number; down: number }>();
  const langs = new Map<string, number>();
  for (const c of counters) {
    for (const [intent, n] of Object.entries(c.intents)) intentTotals.set(intent, (intentTotals.get(intent) ?? 0) + n);
    for (const [lang, n] of Object.entries(c.langs)) langs.set(lang, (langs.get(lang) ?? 0) + n);
    for (const [id, f] of Object.entries(c.feedback)) {
      const sum = feedback.get(id) ?? { up: 0, down: 0 };
      feedback.set(id, { up: sum.up + f.up, down: sum.down + f.down });
    }
  }
  const topIntents = [...intentTotals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_INTENTS)
    .map(([intent, total]) => ({ intent, total, perDay: counters.map((c) => c.intents[intent] ?? 0) }));

  const byDay = new Map(days.map((d, i) => [d, i]));
  const ticketCounts = Object.fromEntries(TICKET_STATUSES.map((s) => [s, days.map(() => 0)])) as Record<TicketStatus, number[]>;
  for (const t of await tickets()) {
    const i = byDay.get(klDay(new Date(t.createdAt)));
    if (i !== undefined && ticketCounts[t.status]) ticketCounts[t.status][i] += 1;
  }

  return {
    days,
    conversations: counters.map((c) => c.conversations),
    messages: counters.map((c) => c.messages),
    containment: counters.map((c) => share(c.conversations - c.uncontained, c.conversations)),
    uncontained: counters.map((c) => c.uncontained),
    notUnderstoodRate: counters.map((c) => share(c.notUnderstood, c.messages)),
    notUnderstood: counters.map((c) => c.notUnderstood),
    topIntents,
    feedback: [...feedback.entries()].map(([answerId, f]) => ({ answerId, ...f })).sort((a, b) => b.up + b.down - (a.up + a.down) || a.answerId.localeCompare(b.answerId)),
    languages: [...langs.entries()].map(([lang, messages]) => ({ lang, messages })).sort((a, b) => b.messages - a.messages),
    tickets: ticketCounts,
  };
}

export const CHARTS = ['conversations', 'intents', 'containment', 'feedback', 'not-understood', 'tickets', 'languages'] as const;
export type ChartName = (typeof CHARTS)[number];

export function isChart(value: string): value is ChartName {
  return (CHARTS as readonly string[]).includes(value);
}

/** A CSV cell; one a spreadsheet would read as a formula is prefixed with ' . */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: (string | number | null)[][]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** One chart's data as CSV (RFC 4180, CRLF, header first). */
export function chartCsv(report: InsightsReport, chart: ChartName): string {
  const d = report.days;
  switch (chart) {
    case 'conversations':
      return csv([['day', 'conversations', 'messages'], ...d.map((day, i) => [day, report.conversations[i], report.messages[i]])]);
    case 'intents':
      return csv([['day', ...report.topIntents.map((t) => t.intent)], ...d.map((day, i) => [day, ...report.topIntents.map((t) => t.perDay[i])])]);
    case 'containment':
      return csv([['day', 'conversations', 'with_ticket_or_thumbs_down', 'containment'], ...d.map((day, i) => [day, report.conversations[i], report.uncontained[i], report.containment[i]])]);
    case 'feedback':
      return csv([['answer_id', 'up', 'down'], ...report.feedback.map((f) => [f.answerId, f.up, f.down])]);
    case 'not-understood':
      return csv([['day', 'messages', 'not_understood', 'rate'], ...d.map((day, i) => [day, report.messages[i], report.notUnderstood[i], report.notUnderstoodRate[i]])]);
    case 'tickets':
      return csv([['day', ...TICKET_STATUSES], ...d.map((day, i) => [day, ...TICKET_STATUSES.map((s) => report.tickets[s][i])])]);
    case 'languages':
      return csv([['lang', 'messages'], ...report.languages.map((l) => [l.lang, l.messages])]);
  }
}
