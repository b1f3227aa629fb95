// The support-staff API: list tickets by status, read one, set status / assignee / notes, and
// send the employer one reply by e-mail (through the ticket outbox).
// Protected by TRIAGE_TOKEN; with no token configured the API and page do not exist (404).
import crypto from 'crypto';
import type restify from 'restify';
import type { Logger } from '../logging';
import { isReference, isTicketStatus, ticketForList, ticketForOne, TICKET_STATUSES, type ReplyRequest, type TicketPatch, type TicketStore } from '../tickets';
import { bearerMatches } from './auth';
import { clientAddress, sendTooMany, type RequestLimits } from '../limits';
import { staffPage } from './page';
import { MAX_REPLY } from './reply-limits';
import { registerConsoleRoutes, type ConsoleData } from './console-routes';

export interface TriageOptions {
  tickets: TicketStore;
  /** TRIAGE_TOKEN; empty turns the API off. */
  token: string;
  log: Logger;
  clock?: () => Date;
  /** Lock-out after repeated wrong tokens from one address (limits.triageFailures); none when absent. */
  limits?: Pick<RequestLimits, 'triageFailures' | 'trustProxyHops'>;
  /** The not-understood queue and insights (/api/review, /api/insights); absent: those routes do not exist. */
  console?: ConsoleData;
  /** Called after an officer's reply is queued (wakes the outbox worker). */
  onReplyQueued?(): void;
}

const MAX_NAME = 80;
const MAX_NOTE = 4000;
const PATCH_FIELDS = new Set(['status', 'assignee', 'note', 'notes', 'author']);
const REPLY_FIELDS = new Set(['id', 'text', 'author']);

type Req = restify.Request;
type Res = restify.Response;

function noStore(res: Res): void {
  // Tickets hold personal data: never cached by a browser or a proxy.
  res.header('Cache-Control', 'no-store');
  res.header('X-Content-Type-Options', 'nosniff');
}

function off(res: Res): void {
  noStore(res);
  res.send(404, { error: 'The support-staff API is off. Set TRIAGE_TOKEN to turn it on.' });
}

/**
 * Checks the token; answers 404 (API off), 429 (this address is locked out after too many wrong
 * tokens) or 401 itself and returns false when the request may not go on.
 */
async function allowed(req: Req, res: Res, opts: TriageOptions): Promise<boolean> {
  if (!opts.token) {
    off(res);
    return false;
  }
  const lockout = opts.limits?.triageFailures;
  const address = clientAddress(req, opts.limits?.trustProxyHops ?? 0);
  // While locked out even the right token is refused: guessing must not be able to tell.
  const locked = await lockout?.check(address);
  if (locked && !locked.ok) {
    noStore(res);
    sendTooMany(res, locked, 'lockout');
    return false;
  }
  if (!bearerMatches(req.headers.authorization, opts.token)) {
    await lockout?.take(address);
    opts.log.warn({ address }, 'wrong support-staff token');
    noStore(res);
    res.header('WWW-Authenticate', 'Bearer realm="hanna-triage"');
    res.send(401, { error: 'A valid support-staff token is required: Authorization: Bearer <TRIAGE_TOKEN>.' });
    return false;
  }
  noStore(res);
  return true;
}

function intParam(raw: string | null, fallback: number, min: number, max: number): number | null {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function cleanName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.replace(/\s+/g, ' ').trim();
  return v.length > 0 && v.length <= MAX_NAME ? v : null;
}

/** Validates a PATCH body; returns the patch or the reason it was refused. */
export function parsePatch(body: unknown): TicketPatch | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object with status, assignee and/or note.';
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !PATCH_FIELDS.has(k));
  if (unknown.length > 0) return `Unknown field(s): ${unknown.join(', ')}. Allowed: status, assignee, note, author.`;
  const patch: TicketPatch = {};
  if (b.status !== undefined) {
    if (!isTicketStatus(b.status)) return `status must be one of ${TICKET_STATUSES.join(', ')}.`;
    patch.status = b.status;
  }
  if (b.assignee !== undefined) {
    if (b.assignee === null || b.assignee === '') patch.assignee = null;
    else {
      const name = cleanName(b.assignee);
      if (!name) return `assignee must be a name of at most ${MAX_NAME} characters, or null to clear it.`;
      patch.assignee = name;
    }
  }
  const noteRaw = b.note ?? b.notes;
  if (noteRaw !== undefined) {
    if (typeof noteRaw !== 'string' || noteRaw.trim() === '' || noteRaw.length > MAX_NOTE) return `note must be text of 1 to ${MAX_NOTE} characters.`;
    let author = 'staff';
    if (b.author !== undefined) {
      const name = cleanName(b.author);
      if (!name) return `author must be a name of at most ${MAX_NAME} characters.`;
      author = name;
    }
    patch.note = { author, text: noteRaw.trim() };
  }
  if (patch.status === undefined && patch.assignee === undefined && patch.note === undefined) return 'Nothing to change: give status, assignee or note.';
  return patch;
}

/** The ticket's MyKad in the reply text, with or without dashes or spaces. */
function carriesMyKad(text: string, mykad: string | null): boolean {
  if (!mykad || !/^\d{12}$/.test(mykad)) return false;
  return text.replace(/[\s-]/g, '').includes(mykad);
}

/** Validates a reply body; returns the request or the reason it was refused (bilingual: shown on the page). */
export function parseReply(body: unknown): ReplyRequest | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Kandungan mesti objek JSON dengan id, text dan author. / The body must be a JSON object with id, text and author.';
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !REPLY_FIELDS.has(k));
  if (unknown.length > 0) return `Medan tidak dikenali / Unknown field(s): ${unknown.join(', ')}. Allowed: id, text, author.`;
  if (typeof b.id !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(b.id)) return 'id mesti 8–64 huruf, angka atau - . / id must be 8-64 letters, digits or -.';
  if (typeof b.text !== 'string' || b.text.trim() === '') return 'Tulis balasan dahulu. / Write the reply first.';
  const text = b.text.replace(/\r\n?/g, '\n').trim();
  if (text.length > MAX_REPLY) return `Balasan terlalu panjang: paling banyak ${MAX_REPLY} aksara (ini ${text.length}). / The reply is too long: at most ${MAX_REPLY} characters (this one has ${text.length}).`;
  const author = b.author === undefined || b.author === '' ? null : cleanName(b.author);
  if (!author) return `Nyatakan nama anda (paling banyak ${MAX_NAME} aksara). / Give your name (at most ${MAX_NAME} characters).`;
  return { id: b.id, text, author };
}

export function registerTriageRoutes(server: restify.Server, opts: TriageOptions): void {
  const clock = opts.clock ?? (() => new Date());

  server.get('/api/tickets', async (req: Req, res: Res) => {
    if (!(await allowed(req, res, opts))) return;
    const q = new URL(req.url ?? '', 'http://local').searchParams;
    const status = q.get('status');
    if (status !== null && status !== '' && !isTicketStatus(status)) {
      res.send(400, { error: `status must be one of ${TICKET_STATUSES.join(', ')}.` });
      return;
    }
    const limit = intParam(q.get('limit'), 100, 1, 500);
    const offset = intParam(q.get('offset'), 0, 0, 1_000_000);
    if (limit === null || offset === null) {
      res.send(400, { error: 'limit must be 1-500 and offset 0 or more.' });
      return;
    }
    // A reference (HN-2026-000012, or part of one) or an employer number (or part of one).
    const query = (q.get('q') ?? '').trim();
    if (query.length > 40 || /[^A-Za-z0-9\- ]/.test(query)) {
      res.send(400, { error: 'q must be part of a reference or employer number: letters, digits and - only, at most 40.' });
      return;
    }
    const page = await opts.tickets.list({ status: status && isTicketStatus(status) ? status : undefined, limit, offset, query });
    res.send(200, { total: page.total, limit, offset, tickets: page.tickets.map(ticketForList) });
  });

  server.get('/api/tickets/:ref', async (req: Req, res: Res) => {
    if (!(await allowed(req, res, opts))) return;
    const ref = String(req.params.ref ?? '').toUpperCase();
    const ticket = isReference(ref) ? await opts.tickets.get(ref) : null;
    if (!ticket) {
      res.send(404, { error: `No ticket ${ref}.` });
      return;
    }
    res.send(200, ticketForOne(ticket));
  });

  server.patch('/api/tickets/:ref', async (req: Req, res: Res) => {
    if (!(await allowed(req, res, opts))) return;
    const ref = String(req.params.ref ?? '').toUpperCase();
    const patch = parsePatch(req.body);
    if (typeof patch === 'string') {
      res.send(400, { error: patch });
      return;
    }
    const ticket = isReference(ref) ? await opts.tickets.update(ref, patch, clock()) : null;
    if (!ticket) {
      res.send(404, { error: `No ticket ${ref}.` });
      return;
    }
    opts.log.info({ reference: ref, status: patch.status, assigned: patch.assignee !== undefined, note: patch.note !== undefined }, 'ticket updated');
    res.send(200, ticketForOne(ticket));
  });

  server.post('/api/tickets/:ref/reply', async (req: Req, res: Res) => {
    if (!(await allowed(req, res, opts))) return;
    const ref = String(req.params.ref ?? '').toUpperCase();
    const parsed = parseReply(req.body);
    if (typeof parsed === 'string') {
      res.send(400, { error: parsed });
      return;
    }
    const current = isReference(ref) ? await opts.tickets.get(ref) : null;
    if (!current) {
      res.send(404, { error: `Tiada tiket / No ticket ${ref}.` });
      return;
    }
    if (carriesMyKad(parsed.text, current.checklist.mykad)) {
      res.send(400, { error: 'Balasan mengandungi nombor MyKad pada tiket: buangkannya, e-mel bukan saluran selamat. / The reply contains the MyKad number on the ticket: remove it, e-mail is not a safe channel.' });
      return;
    }
    const outcome = await opts.tickets.reply(ref, parsed, clock());
    switch (outcome.kind) {
      case 'not_found':
        res.send(404, { error: `Tiada tiket / No ticket ${ref}.` });
        return;
      case 'no_email': {
        const phone = outcome.ticket.contact?.phone;
        res.send(409, {
          error: phone
            ? 'Tiket ini tiada alamat e-mel: sila hubungi majikan melalui telefon. / This ticket has no e-mail address: please call the employer.'
            : 'Tiket ini tiada butiran hubungan: balasan e-mel tidak dapat dihantar. / This ticket has no contact details: no e-mail reply can be sent.',
        });
        return;
      }
      case 'taken':
        res.send(409, { error: 'Balasan untuk tiket ini sudah dihantar; satu sahaja dibenarkan. / A reply for this ticket was already sent; only one is allowed.', ticket: ticketForOne(outcome.ticket) });
        return;
      case 'same':
        // The same reply again (a retry or a double click): it is already queued, nothing more is sent.
        res.send(200, ticketForOne(outcome.ticket));
        return;
      case 'queued':
        opts.log.info({ reference: ref }, 'officer reply queued');
        opts.onReplyQueued?.();
        res.send(202, ticketForOne(outcome.ticket));
    }
  });

  if (opts.console) registerConsoleRoutes(server, (req, res) => allowed(req, res, opts), opts.console, { clock, log: opts.log, tickets: opts.tickets });

  server.get('/staff', async (_req: Req, res: Res) => {
    if (!opts.token) {
      off(res);
      return;
    }
    // The page holds no data: it asks for the token and reads the API. A fresh nonce per load
    // lets the Content-Security-Policy allow only its own inline script and style.
    const nonce = crypto.randomBytes(16).toString('base64');
    const html = staffPage(nonce);
    noStore(res);
    res.header('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    res.header('Referrer-Policy', 'no-referrer');
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.writeHead(200);
    res.end(html);
  });
}
