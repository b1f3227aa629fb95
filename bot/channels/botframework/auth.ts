// Channel-token checks for /api/messages that always end in a clear 401, never a 500 or a hang.
// CloudAdapter.process answers 500 (with the network error as the body) when a token makes it
// fetch signing keys and login.botframework.com cannot be reached, and it console.errors every
// rejection. Here a request is authenticated first, with a local shape check that rejects
// unsigned and non-RSA tokens without any network call and a time limit on the key fetch.
import { AUTH_TIMEOUT_MS, requireTokenShape, tokenShapeProblem, Unauthorized, withTimeout } from '../channel-auth';
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

export { AUTH_TIMEOUT_MS, tokenShapeProblem, Unauthorized };

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
    if (this.authRequired) requireTokenShape(header);
    try {
      // Anonymous mode without a token fetches no key: no time limit (and no timer per request) is needed.
      if (!this.authRequired && header === '') return await this.auth.authenticateRequest(activity, header);
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
