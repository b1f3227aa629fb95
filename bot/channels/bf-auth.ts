// Channel-token checks for /api/messages that always end in a clear 401, never a 500 or a hang.
// CloudAdapter.process answers 500 (with the network error as the body) when a token makes it
// fetch signing keys and login.botframework.com cannot be reached, and it console.errors every
// rejection. Here a request is authenticated first, with a local shape check that rejects
// unsigned and non-RSA tokens without any network call and a time limit on the key fetch.
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
// botbuilder's own connector (same locked version): the public cloud's endpoints, not copied here.
import { AuthenticationConstants } from 'botframework-connector';

type AuthResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** Bot Framework and Entra ID sign channel tokens with RSA; botbuilder accepts only these. */
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
export const AUTH_TIMEOUT_MS = 5000;

export class Unauthorized extends Error {}

/** Why a bearer header cannot be a channel token, or null if it has the right shape. */
export function tokenShapeProblem(header: string): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header.trim());
  if (!m) return 'not a signed bearer JWT';
  let alg: unknown;
  try {
    alg = (JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as { alg?: unknown }).alg;
  } catch {
    return 'unreadable token header';
  }
  return typeof alg === 'string' && ALGORITHMS.has(alg) ? null : `algorithm ${typeof alg === 'string' ? alg.slice(0, 10) : 'missing'} not accepted`;
}

/**
 * botbuilder's authentication options. With `openIdMetadata` (Bot Framework's BotOpenIdMetadata
 * setting: another cloud, or a key server on 127.0.0.1 in tests) channel tokens' signing keys come
 * from there; botbuilder then takes every endpoint as given, so the others stay the public cloud's.
 */
export function authOptions(app: ConfigurationBotFrameworkAuthenticationOptions, openIdMetadata = ''): ConfigurationBotFrameworkAuthenticationOptions {
  if (!openIdMetadata) return app;
  return {
    ...app,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadata,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Unauthorized(`token could not be verified within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The timestamp fixes CloudAdapter.process applies before a turn (validateAndFixActivity). */
export function fixActivity(body: Record<string, unknown>): Activity {
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const raw = body[field];
    if (typeof raw === 'string') {
      const date = new Date(raw);
      body[`raw${field[0].toUpperCase()}${field.slice(1)}`] = raw;
      body[field] = Number.isNaN(date.getTime()) ? undefined : date;
    }
  }
  return body as unknown as Activity;
}

export class CheckedCloudAdapter extends CloudAdapter {
  constructor(
    private readonly auth: ConfigurationBotFrameworkAuthentication,
    private readonly authRequired: boolean,
    private readonly timeoutMs = AUTH_TIMEOUT_MS,
  ) {
    super(auth);
  }

  /** Throws Unauthorized (reason in the message) unless the request carries a valid channel token. */
  async authenticate(activity: Activity, header: string): Promise<AuthResult> {
    if (this.authRequired) {
      if (!header) throw new Unauthorized('no Authorization header');
      const problem = tokenShapeProblem(header);
      if (problem) throw new Unauthorized(problem);
    }
    try {
      return await withTimeout(this.auth.authenticateRequest(activity, header), this.timeoutMs);
    } catch (err) {
      // A key that cannot be fetched is a token that cannot be verified: refuse it.
      throw err instanceof Unauthorized ? err : new Unauthorized((err as Error).message ?? String(err));
    }
  }

  /** Runs the turn of an activity authenticate() accepted; the result is what to answer (replies for expectReplies). */
  runAuthenticated(auth: AuthResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
