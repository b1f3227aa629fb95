// The console's API beside the ticket API, behind the same TRIAGE_TOKEN check:
//   GET  /api/review?filter=open|labelled|all&days=&limit=&offset=   the not-understood queue, newest first
//   POST /api/review/:id/label {"label": "<intent id>" | null}        "this was <intent>" ('out_of_scope': truly out of scope)
//   GET  /api/review/export                                           labelled items as training lines (see bot/cli/review.ts)
//   GET  /api/insights?days=                                          the figures behind the charts
//   GET  /api/insights/csv/:chart                                     one chart's data as CSV
import type restify from 'restify';
import { INTENT_IDS } from '../../intents';
import { DEFAULT_DATA_DIR } from '../../intents/training-data';
import type { Logger } from '../logging';
import type { DocumentStore } from '../storage';
import type { TicketStore } from '../tickets';
import {
  chartCsv,
  DEFAULT_INSIGHT_DAYS,
  DEFAULT_REVIEW_DAYS,
  formatBlocks,
  insightsReport,
  isChart,
  isLabel,
  knownLines,
  MAX_INSIGHT_DAYS,
  MAX_REVIEW_DAYS,
  trainingBlocks,
  CHARTS,
  type InsightsRecorder,
  type ReviewFilter,
  type ReviewQueue,
} from '../insights';

export interface ConsoleData {
  store: DocumentStore;
  review: ReviewQueue;
  /** Flushed before a read, so a chart shows every message handled so far by this instance. */
  insights: InsightsRecorder;
}

type Req = restify.Request;
type Res = restify.Response;
type Guard = (req: Req, res: Res) => Promise<boolean>;

const FILTERS: readonly ReviewFilter[] = ['open', 'labelled', 'all'];

function intParam(raw: string | null, fallback: number, min: number, max: number): number | null {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** Labelled items of the last MAX_REVIEW_DAYS as training lines, leaving out lines the training data already has. */
export async function exportText(review: ReviewQueue, now: Date, dataDir: string = DEFAULT_DATA_DIR): Promise<string> {
  const { items } = await review.list({ now, days: MAX_REVIEW_DAYS, filter: 'labelled' });
  // Oldest first: the order they were asked in.
  return formatBlocks(trainingBlocks(items.slice().reverse(), knownLines(dataDir)));
}

export function registerConsoleRoutes(
  server: restify.Server,
  allowed: Guard,
  data: ConsoleData,
  opts: { clock: () => Date; log: Logger; tickets: TicketStore },
): void {
  const query = (req: Req) => new URL(req.url ?? '', 'http://local').searchParams;

  server.get('/api/review', async (req: Req, res: Res) => {
    if (!(await allowed(req, res))) return;
    const q = query(req);
    const filter = (q.get('filter') ?? 'open') as ReviewFilter;
    const days = intParam(q.get('days'), DEFAULT_REVIEW_DAYS, 1, MAX_REVIEW_DAYS);
    const limit = intParam(q.get('limit'), 50, 1, 500);
    const offset = intParam(q.get('offset'), 0, 0, 1_000_000);
    if (!FILTERS.includes(filter) || days === null || limit === null || offset === null) {
      res.send(400, { error: `filter must be one of ${FILTERS.join(', ')}; days 1-${MAX_REVIEW_DAYS}; limit 1-500; offset 0 or more.` });
      return;
    }
    await data.insights.flush();
    const page = await data.review.list({ now: opts.clock(), days, filter, limit, offset });
    res.send(200, { total: page.total, limit, offset, items: page.items, labels: INTENT_IDS });
  });

  server.post('/api/review/:id/label', async (req: Req, res: Res) => {
    if (!(await allowed(req, res))) return;
    const body: unknown = req.body;
    const label = body && typeof body === 'object' && !Array.isArray(body) ? (body as { label?: unknown }).label : undefined;
    if (label !== null && !isLabel(label)) {
      res.send(400, { error: `label must be one of the intent ids (${INTENT_IDS.join(', ')}; out_of_scope for "truly out of scope"), or null to clear it.` });
      return;
    }
    const item = await data.review.label(String(req.params.id ?? ''), label, opts.clock());
    if (!item) {
      res.send(404, { error: 'No such item (it may have expired).' });
      return;
    }
    opts.log.info({ item: item.id, label }, 'review item labelled');
    res.send(200, item);
  });

  server.get('/api/review/export', async (req: Req, res: Res) => {
    if (!(await allowed(req, res))) return;
    const text = await exportText(data.review, opts.clock());
    res.header('Content-Type', 'text/plain; charset=utf-8');
    res.writeHead(200);
    res.end(text);
  });

  server.get('/api/insights', async (req: Req, res: Res) => {
    if (!(await allowed(req, res))) return;
    const days = intParam(query(req).get('days'), DEFAULT_INSIGHT_DAYS, 1, MAX_INSIGHT_DAYS);
    if (days === null) {
      res.send(400, { error: `days must be 1-${MAX_INSIGHT_DAYS}.` });
      return;
    }
    await data.insights.flush();
    res.send(200, await insightsReport(data.store, () => opts.tickets.summaries(), opts.clock(), days));
  });

  server.get('/api/insights/csv/:chart', async (req: Req, res: Res) => {
    if (!(await allowed(req, res))) return;
    const chart = String(req.params.chart ?? '').replace(/\.csv$/, '');
    const days = intParam(query(req).get('days'), DEFAULT_INSIGHT_DAYS, 1, MAX_INSIGHT_DAYS);
    if (!isChart(chart) || days === null) {
      res.send(404, { error: `No such chart; there are ${CHARTS.join(', ')} (days 1-${MAX_INSIGHT_DAYS}).` });
      return;
    }
    await data.insights.flush();
    const report = await insightsReport(data.store, () => opts.tickets.summaries(), opts.clock(), days);
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', `attachment; filename="hanna-${chart}-${report.days[0]}-${report.days.at(-1)}.csv"`);
    res.writeHead(200);
    res.end(chartCsv(report, chart));
  });
}
