// The website channel: Direct Line 3.0 endpoints for the official Web Chat plus the widget
// page and scripts. Hooked into the server with one call from app.ts.
import type restify from 'restify';
import type { Config } from '../config';
import type { Inbound } from '../inbound/pipeline';
import type { RequestLimits } from '../limits';
import type { Logger } from '../logging';
import type { DocumentStore } from '../storage';
import { registerDirectLine } from './directline';
import { registerWebWidget } from './web';
import { ANY_ORIGIN, type OriginPolicy } from './cors';

export interface WebChannelDeps {
  config: Config;
  inbound: Inbound;
  storage: DocumentStore;
  log: Logger;
  limits?: RequestLimits;
}

/** Registers the routes; close() ends the open Web Chat streams (call it before server.close()). */
export function registerWebChannel(server: restify.Server, { config, inbound, storage, log, limits }: WebChannelDeps): { close(): void } {
  if (!config.directlineSecret) log.info({}, 'DIRECTLINE_SECRET is not set: widget tokens use a per-process key (set it when running several instances)');
  const origins: OriginPolicy = config.widgetOrigins.length > 0 ? { any: false, origins: new Set(config.widgetOrigins) } : ANY_ORIGIN;
  const directLine = registerDirectLine(server, { inbound, storage, secret: config.directlineSecret, botName: config.widgetTitle, log, limits, publicUrl: config.publicUrl, origins });
  registerWebWidget(server, { title: config.widgetTitle, color: config.widgetColor, publicUrl: config.publicUrl });
  return directLine;
}
