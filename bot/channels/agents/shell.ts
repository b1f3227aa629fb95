// The Microsoft 365 Agents SDK shell (@microsoft/agents-hosting, the successor of the archived Bot
// Framework SDK): the same activities, the same checks and the same inbound pipeline as the Bot
// Framework shell, authenticated and sent by the Agents SDK's CloudAdapter. Loaded only when its
// route is first hit or CHANNEL_SDK=agents (it brings its own msal-node: memory, issue 15).
import { CloudAdapter, type AuthConfiguration, type Request as AgentsRequest, type TurnContext, type WebResponse } from '@microsoft/agents-hosting';
import type { Activity } from '@microsoft/agents-activity';
import type { JwtPayload } from 'jsonwebtoken';
import type { Config } from '../../config';
import type { Logger } from '../../logging';
import { errorReply } from '../../inbound/pipeline';
import { toActivity, type ActivityJson } from '../activities';
import type { ActivityAnswer } from '../activity-turn';
import { AUTH_TIMEOUT_MS, requireTokenShape, Unauthorized, withTimeout } from '../channel-auth';
import type { ChannelShell } from '../messages-route';

/** Stands in for an app id in anonymous mode: the SDK refuses to start without one when NODE_ENV=production. */
const ANONYMOUS_CLIENT_ID = 'anonymous-local';

/** The response the SDK writes to, captured so the route answers (and restify serialises) it. */
class CapturedResponse implements WebResponse {
  statusCode = 200;
  body: unknown;
  headersSent = false;
  writableEnded = false;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(): this {
    return this;
  }
  send(body?: unknown): this {
    this.body = body;
    return this;
  }
  end(): this {
    this.writableEnded = true;
    return this;
  }
}

/** The SDK's Activity instances as the wire JSON (plain objects, no undefined fields). */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export function authConfiguration(config: Config): AuthConfiguration {
  if (!config.appId) return { clientId: ANONYMOUS_CLIENT_ID };
  return {
    clientId: config.appId,
    clientSecret: config.appPassword || undefined,
    // MultiTenant bots get their tokens from the botframework.com tenant (the SDK's default).
    tenantId: config.appType === 'SingleTenant' ? config.appTenantId : undefined,
  };
}

export function createAgentsShell(config: Config, log: Logger, handle: (activity: ActivityJson) => Promise<ActivityAnswer>, timeoutMs = AUTH_TIMEOUT_MS): ChannelShell {
  const adapter = new CloudAdapter(authConfiguration(config));
  adapter.onTurnError = async (context, error) => {
    // The pipeline answers a failed turn itself; this catches failures in sending.
    log.error({ err: error, conversation: context.activity.conversation?.id }, 'turn failed');
    try {
      await context.sendActivity(toActivity(errorReply()) as Activity);
    } catch (sendErr) {
      log.error({ err: sendErr }, 'could not send the error reply');
    }
  };
  const logic = async (context: TurnContext): Promise<void> => {
    const { replies, events } = await handle(context.activity as unknown as ActivityJson);
    if (replies.length > 0) await context.sendActivities(replies as unknown as Activity[]);
    for (const event of events) {
      // The ticket is already stored and e-mailed; a hub that is down must not fail the turn.
      try {
        await context.sendActivity(event as unknown as Activity);
      } catch (err) {
        log.error({ err }, 'handoff event not sent');
      }
    }
  };

  /** The caller's verified token claims; throws Unauthorized. Anonymous mode: an identity without audience. */
  const identify = async (request: AgentsRequest, header: string): Promise<JwtPayload> => {
    if (!config.appId) return {};
    requireTokenShape(header);
    const res = new CapturedResponse();
    let passed = false;
    await withTimeout(
      adapter.authorizeRequest(request, res, (err?: unknown) => {
        passed = !err;
      }),
      timeoutMs,
    );
    if (!passed || !request.user) {
      const reason = (res.body as { 'jwt-auth-error'?: unknown } | undefined)?.['jwt-auth-error'];
      throw new Unauthorized(typeof reason === 'string' ? reason : 'token not accepted');
    }
    return request.user;
  };

  return {
    async authenticate(body, header) {
      const request: AgentsRequest = { body, headers: { authorization: header }, method: 'POST' };
      try {
        request.user = await identify(request, header);
      } catch (err) {
        throw err instanceof Unauthorized ? err : new Unauthorized((err as Error).message ?? String(err));
      }
      return {
        activity: body as ActivityJson,
        run: async () => {
          const res = new CapturedResponse();
          await adapter.process(request, res, logic);
          return { status: res.statusCode, body: plain(res.body) };
        },
      };
    },
  };
}
