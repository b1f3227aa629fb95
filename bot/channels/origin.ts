// The bot's own origin as the browser sees it: PUBLIC_URL when set, else the request's Host
// with https when a TLS-terminating proxy says so (X-Forwarded-Proto). A spoofed header only
// changes the answer to the spoofer's own request.
import type { IncomingMessage } from 'http';

const HOST = /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:.]+\](:\d+)?$/;

export function publicOrigin(req: IncomingMessage, publicUrl: string): string | null {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const host = String(req.headers.host ?? '');
  if (!HOST.test(host)) return null;
  const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}
