// Cross-origin rules for the website widget: which sites may embed it (WIDGET_ORIGINS) and the
// CORS headers of its Direct Line routes. Tokens travel in a header, never in cookies, so any
// origin is safe by default; an operator may still limit embedding to their own sites.
import type { IncomingMessage, ServerResponse } from 'http';
import type { Next, Request, Response, Server } from 'restify';

/**
 * The request headers the official Web Chat (botframework-webchat 4.18, DirectLineJS) sends,
 * read from vendor/webchat/webchat.js: Authorization and x-ms-bot-agent (commonHeaders()),
 * Content-Type: application/json on posts, and X-Requested-With, which RxJS's AjaxObservable adds
 * to every request not marked crossDomain. Accept is CORS-safelisted and needs no mention.
 */
export const WEBCHAT_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'X-Requested-With', 'x-ms-bot-agent'];
export const ALLOWED_METHODS = 'GET, HEAD, POST, OPTIONS';

/** Which sites may use the widget: every origin, or exactly these ("https://shop.example"). */
export interface OriginPolicy {
  any: boolean;
  origins: ReadonlySet<string>;
}

export const ANY_ORIGIN: OriginPolicy = { any: true, origins: new Set() };

export class OriginListError extends Error {}

/** WIDGET_ORIGINS: empty or "*" = any; else a comma list of origins (scheme://host[:port], no path). */
export function parseOrigins(raw: string): OriginPolicy {
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0 || items.includes('*')) return ANY_ORIGIN;
  const origins = new Set<string>();
  for (const item of items) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new OriginListError(`"${item}" is not an origin such as https://www.example.com`);
    }
    const hasPath = !/^[a-z]+:\/\/[^/?#]+\/?$/i.test(item);
    if (!/^https?:$/.test(url.protocol) || hasPath || url.username || url.password) {
      throw new OriginListError(`"${item}" must be only a scheme and host (and port), such as https://www.example.com, with no path`);
    }
    origins.add(url.origin);
  }
  return { any: false, origins };
}

/** A request without an Origin header (curl, a same-origin GET, a script tag) is not a cross-site call. */
export function originAllowed(policy: OriginPolicy, origin: string | undefined): boolean {
  if (policy.any || origin === undefined || origin === '') return true;
  return policy.origins.has(origin);
}

function originOf(req: IncomingMessage): string | undefined {
  const o = req.headers.origin;
  return typeof o === 'string' ? o : undefined;
}

/** The code a refused site's page sees, so the widget can tell the visitor instead of spinning. */
export const ORIGIN_REFUSED_CODE = 'OriginNotAllowed';

/**
 * Sets the CORS headers of one widget API request. Returns false for an origin outside the list;
 * the caller then answers 403 (readable by that page, so the widget can show why).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: OriginPolicy): boolean {
  const origin = originOf(req);
  const allowed = originAllowed(policy, origin);
  if (policy.any) res.setHeader('Access-Control-Allow-Origin', '*');
  else {
    res.setHeader('Vary', 'Origin');
    // The refusal itself is readable by the refused page: it holds no data, only the reason.
    if (origin) res.setHeader('Access-Control-Allow-Origin', origin);
  }
  if (allowed) {
    res.setHeader('Access-Control-Allow-Headers', WEBCHAT_REQUEST_HEADERS.join(', '));
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  return allowed;
}

export const REFUSAL_BODY = {
  error: {
    code: ORIGIN_REFUSED_CODE,
    message: 'This site is not allowed to embed the chat (WIDGET_ORIGINS). / Laman ini tidak dibenarkan memasang sembang ini.',
  },
};

/**
 * Answers CORS for every route under `prefix` before routing: preflights get 204 with the
 * allowed headers, a refused origin gets 403 with REFUSAL_BODY, and every other answer
 * (including 401, 404, 413 and 429) carries the CORS headers so the page can read it.
 */
export function registerCors(server: Server, prefix: string, policy: OriginPolicy): void {
  server.pre((req: Request, res: Response, next: Next) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return next();
    if (!applyCors(req, res, policy)) {
      res.setHeader('Cache-Control', 'no-store');
      res.send(403, REFUSAL_BODY);
      return next(false);
    }
    if (req.method === 'OPTIONS') {
      res.send(204);
      return next(false);
    }
    return next();
  });
}
