// GET / (demo page), GET /widget.js (the embed script) and GET /webchat/webchat.js (the
// official Web Chat bundle from vendor/, gzipped once in memory). Nothing from a CDN.
import fs from 'fs';
import zlib from 'zlib';
import crypto from 'crypto';
import { promisify } from 'util';
import type restify from 'restify';
import { renderDemoPage } from './page';
import { publicOrigin } from '../origin';
import { stringsFor, type WidgetLang } from './strings';
import { themeFor } from './theme';
import { fromRoot } from '../../../project-root';

export const DEFAULT_BUNDLE = fromRoot('vendor', 'webchat', 'webchat.js');
const WIDGET_SOURCE = fromRoot('bot', 'channels', 'web', 'assets', 'widget.js');

export interface WebWidgetOptions {
  title: string;
  color: string;
  /** Base URL shown in the embed snippet; empty = the address the request came to. */
  publicUrl: string;
  bundlePath?: string;
}

const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Web Chat injects its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  // blob: is the page's own copy of a file the visitor attached: DirectLineJS reads it before the upload.
  "connect-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

interface Bundle {
  raw: Buffer;
  gzip: Buffer;
  etag: string;
}

function pickLang(req: restify.Request): WidgetLang {
  const q = new URL(req.url ?? '/', 'http://local').searchParams.get('lang');
  if (q === 'en' || q === 'ms') return q;
  return /^\s*en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'ms';
}

function sendText(res: restify.Response, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}, head = false): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Content-Length': String(bytes.length), ...headers });
  // HEAD (uptime checkers, CDNs): the same status and headers, no body.
  res.end(head ? undefined : bytes);
}

const isHead = (req: restify.Request) => req.method === 'HEAD';

export const etagOf = (body: string | Buffer): string => `"${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;

/** True after answering 304 because the browser already holds this version. */
function notModified(req: restify.Request, res: restify.Response, etag: string, headers: Record<string, string>): boolean {
  const held = String(req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!held.includes(etag) && !held.includes('*')) return false;
  res.writeHead(304, { ETag: etag, ...headers });
  res.end();
  return true;
}

export function registerWebWidget(server: restify.Server, o: WebWidgetOptions): void {
  const bundlePath = o.bundlePath ?? DEFAULT_BUNDLE;
  const theme = themeFor(o.color);
  const template = fs.readFileSync(WIDGET_SOURCE, 'utf8');
  let bundle: Promise<Bundle> | null = null;

  // Checked per request: `npm run fetch-webchat` while the bot runs is picked up without a restart.
  const bundlePresent = () => fs.existsSync(bundlePath);
  const readBundle = async (): Promise<Bundle> => {
    const raw = await fs.promises.readFile(bundlePath);
    const gzip = await promisify(zlib.gzip)(raw, { level: 6 });
    return { raw, gzip, etag: etagOf(raw) };
  };
  const loadBundle = (): Promise<Bundle> => {
    bundle ??= readBundle().catch((err: unknown) => {
      bundle = null; // missing now, maybe fetched later
      throw err;
    });
    return bundle;
  };

  const widgetScript = (present: boolean): string => {
    const config = {
      title: o.title,
      theme,
      bundle: present,
      strings: { ms: stringsFor('ms', o.title), en: stringsFor('en', o.title) },
    };
    // `<` escaped so no string can close a script element.
    return template.replace('/*CONFIG*/ {}', JSON.stringify(config).replace(/</g, '\\u003c'));
  };

  const demoPage = async (req: restify.Request, res: restify.Response) => {
    const origin = publicOrigin(req, o.publicUrl) ?? 'https://YOUR-BOT-ADDRESS';
    const transport = new URL(req.url ?? '/', 'http://local').searchParams.get('transport') === 'polling' ? 'polling' : undefined;
    const html = renderDemoPage({ lang: pickLang(req), title: o.title, theme, origin, bundlePresent: bundlePresent(), transport });
    sendText(res, 200, 'text/html; charset=utf-8', html, { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-cache', 'Referrer-Policy': 'no-referrer' }, isHead(req));
  };
  server.get('/', demoPage);
  server.head('/', demoPage);

  // Any page may load the scripts (they are public code, fetched by a script tag); who may then
  // talk to the bot is decided on the Direct Line routes (WIDGET_ORIGINS).
  const scriptHeaders = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

  const widget = async (req: restify.Request, res: restify.Response) => {
    const js = widgetScript(bundlePresent());
    // Revalidated on every visit (no-cache) but only downloaded again when it changed.
    const headers = { ...scriptHeaders, 'Cache-Control': 'public, no-cache', ETag: etagOf(js) };
    if (notModified(req, res, headers.ETag, headers)) return;
    sendText(res, 200, 'text/javascript; charset=utf-8', js, headers, isHead(req));
  };
  server.get('/widget.js', widget);
  server.head('/widget.js', widget);

  const webchat = async (req: restify.Request, res: restify.Response) => {
    let b: Bundle;
    try {
      b = await loadBundle();
    } catch {
      sendText(res, 404, 'text/plain; charset=utf-8', 'The Web Chat bundle is missing: run `npm run fetch-webchat` with access to the npm registry.\n', {}, isHead(req));
      return;
    }
    const common = { ...scriptHeaders, ETag: b.etag, 'Cache-Control': 'public, max-age=86400', Vary: 'Accept-Encoding' };
    if (notModified(req, res, b.etag, common)) return;
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    sendText(res, 200, 'text/javascript; charset=utf-8', gzip ? b.gzip : b.raw, gzip ? { ...common, 'Content-Encoding': 'gzip' } : common, isHead(req));
  };
  server.get('/webchat/webchat.js', webchat);
  server.head('/webchat/webchat.js', webchat);
}
