// Configuration from the environment (and ./.env when present), checked once at start-up.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { OriginListError, parseOrigins } from './channels/cors';

export type SqliteSync = 'NORMAL' | 'FULL';

export interface Config {
  port: number;
  host: string;
  appId: string;
  appPassword: string;
  appType: string;
  appTenantId: string;
  /** BotOpenIdMetadata: where channel tokens' signing keys are listed; empty = the public Bot Framework cloud's. */
  botOpenIdMetadata: string;
  storageUrl: string;
  /** SQLite durability (SQLITE_SYNC): NORMAL survives kill -9 of the process; FULL also an OS crash or power loss. */
  sqliteSync: SqliteSync;
  smtpUrl: string;
  handoffEmailTo: string;
  /** Sender of the escalation e-mails. */
  handoffEmailFrom: string;
  /** Channel ids that get the Bot Framework handoff.initiate event when a ticket is filed. */
  handoffEventChannels: string[];
  /** Which SDK serves /api/messages (CHANNEL_SDK); /api/agents/messages is always the Agents SDK. */
  channelSdk: ChannelSdk;
  triageToken: string;
  logLevel: string;
  rateLimitPerMinute: number;
  /** Reverse proxies in front of the bot whose X-Forwarded-For entry names the client (0 = none). */
  trustProxyHops: number;
  publicUrl: string;
  /** HMAC key of the website widget's Direct Line tokens; empty = a random key per process. */
  directlineSecret: string;
  /** The bot's name in the website widget, and the widget's main colour (#rrggbb). */
  widgetTitle: string;
  widgetColor: string;
  /** WIDGET_ORIGINS: the sites (origins) allowed to embed the widget; empty = any. */
  widgetOrigins: string[];
  /** Days conversation state and widget activity logs are kept after their last write; 0 = forever. */
  retentionDays: number;
  /** This instance's name, the same across restarts (outbox leases); default host name and port. */
  instanceId: string;
}

export class ConfigError extends Error {}

/** Shortest TRIAGE_TOKEN accepted: long enough that guessing it is hopeless even without the lock-out. */
export const MIN_TRIAGE_TOKEN = 32;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** Reads ./.env into process.env without overriding variables already set. */
export function loadDotEnv(dir = process.cwd()): void {
  const file = path.join(dir, '.env');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    const value = m[2].replace(/^(['"])(.*)\1$/, '$2');
    if (process.env[m[1]] === undefined) process.env[m[1]] = value;
  }
}

export type ChannelSdk = 'botframework' | 'agents';

function channelSdk(raw: string): ChannelSdk {
  const value = raw.trim().toLowerCase() || 'botframework';
  if (value !== 'botframework' && value !== 'agents') throw new ConfigError(`CHANNEL_SDK must be botframework or agents, got "${raw.trim().slice(0, 20)}"`);
  return value;
}

function sqliteSync(raw: string): SqliteSync {
  const value = raw.trim().toUpperCase() || 'NORMAL';
  if (value !== 'NORMAL' && value !== 'FULL') throw new ConfigError(`SQLITE_SYNC must be NORMAL or FULL, got "${raw.trim().slice(0, 20)}"`);
  return value;
}

function widgetOrigins(raw: string): string[] {
  try {
    const policy = parseOrigins(raw);
    return policy.any ? [] : [...policy.origins];
  } catch (err) {
    if (err instanceof OriginListError) throw new ConfigError(`WIDGET_ORIGINS: ${err.message}`);
    throw err;
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const appId = (env.MicrosoftAppId ?? '').trim();
  const config: Config = {
    port: int(env, 'PORT', 3978, 0, 65535),
    // Without an app id the bot is unauthenticated: listen on loopback only unless told otherwise.
    host: (env.HOST ?? '').trim() || (appId ? '0.0.0.0' : '127.0.0.1'),
    appId,
    appPassword: env.MicrosoftAppPassword ?? '',
    appType: (env.MicrosoftAppType ?? '').trim() || 'MultiTenant',
    appTenantId: (env.MicrosoftAppTenantId ?? '').trim(),
    botOpenIdMetadata: (env.BotOpenIdMetadata ?? '').trim(),
    storageUrl: (env.STORAGE_URL ?? '').trim() || 'sqlite:./data/hanna.db',
    sqliteSync: sqliteSync(env.SQLITE_SYNC ?? ''),
    smtpUrl: (env.SMTP_URL ?? '').trim(),
    handoffEmailTo: (env.HANDOFF_EMAIL_TO ?? '').trim(),
    handoffEmailFrom: (env.HANDOFF_EMAIL_FROM ?? '').trim() || 'hanna-bot@localhost',
    handoffEventChannels: (env.HANDOFF_EVENT_CHANNELS ?? '').split(',').map((c) => c.trim()).filter((c) => c !== ''),
    channelSdk: channelSdk(env.CHANNEL_SDK ?? ''),
    triageToken: (env.TRIAGE_TOKEN ?? '').trim(),
    logLevel: (env.LOG_LEVEL ?? '').trim() || 'info',
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 30, 0, 100000),
    trustProxyHops: int(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    publicUrl: (env.PUBLIC_URL ?? '').trim(),
    directlineSecret: (env.DIRECTLINE_SECRET ?? '').trim(),
    widgetTitle: (env.WIDGET_TITLE ?? '').trim() || 'Hanna',
    widgetColor: (env.WIDGET_COLOR ?? '').trim() || '#005a70',
    widgetOrigins: widgetOrigins(env.WIDGET_ORIGINS ?? ''),
    retentionDays: int(env, 'RETENTION_DAYS', 30, 0, 3650),
    instanceId: '',
  };
  // Host and port: two instances on one host listen on different ports, a restarted one on the same.
  config.instanceId = (env.INSTANCE_ID ?? '').trim() || `${os.hostname()}:${config.port}`;
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(config.instanceId)) throw new ConfigError(`INSTANCE_ID must be 1 to 100 letters, digits, dots, dashes, underscores or colons, got "${config.instanceId}"`);
  if (!/^#[0-9a-fA-F]{6}$/.test(config.widgetColor)) throw new ConfigError(`WIDGET_COLOR must be a colour like #005a70, got "${config.widgetColor}"`);
  if (config.widgetTitle.length > 40) throw new ConfigError('WIDGET_TITLE must be at most 40 characters');
  if (!['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(config.appType)) {
    throw new ConfigError(`MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, got "${config.appType}"`);
  }
  if (config.botOpenIdMetadata && !/^https?:\/\/\S+$/i.test(config.botOpenIdMetadata)) {
    throw new ConfigError(`BotOpenIdMetadata must be an http(s) URL of an OpenID metadata document, got "${config.botOpenIdMetadata.slice(0, 60)}"`);
  }
  if (config.appType === 'SingleTenant' && !config.appTenantId) {
    throw new ConfigError('MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant');
  }
  if (config.triageToken && config.triageToken.length < MIN_TRIAGE_TOKEN) {
    throw new ConfigError(
      `TRIAGE_TOKEN must be at least ${MIN_TRIAGE_TOKEN} characters (it guards the tickets' personal data); got ${config.triageToken.length}. Make one with: openssl rand -hex 32`,
    );
  }
  if (config.smtpUrl && !/^smtps?:\/\//i.test(config.smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  if (config.smtpUrl && !config.handoffEmailTo) throw new ConfigError('HANDOFF_EMAIL_TO is required when SMTP_URL is set (the address escalation e-mails go to)');
  return config;
}

/** Reads .env and the environment for a command; prints a configuration error and returns null. */
export function loadConfigForCommand(): Config | null {
  loadDotEnv();
  try {
    return readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`configuration error: ${err.message}`);
      return null;
    }
    throw err;
  }
}
