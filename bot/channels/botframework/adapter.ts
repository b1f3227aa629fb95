// The botbuilder CloudAdapter for /api/messages: channel-token checks (auth.ts), reused outbound
// clients (clients.ts), and a polite reply when something fails outside the inbound pipeline.
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../../config';
import type { Logger } from '../../logging';
import { errorReply } from '../../inbound/pipeline';
import { toActivity } from '../activities';
import { authOptions, CheckedCloudAdapter } from './auth';
import { CachingBotFrameworkAuthentication } from './clients';

export function createAdapter(config: Config, log: Logger): CheckedCloudAdapter {
  const auth: ConfigurationBotFrameworkAuthenticationOptions = authOptions(
    { MicrosoftAppId: config.appId, MicrosoftAppPassword: config.appPassword, MicrosoftAppType: config.appType, MicrosoftAppTenantId: config.appTenantId },
    config.botOpenIdMetadata,
  );
  const adapter = new CheckedCloudAdapter(new CachingBotFrameworkAuthentication(auth), Boolean(config.appId));
  adapter.onTurnError = async (context, error) => {
    // The pipeline answers a failed turn itself; this catches failures in sending.
    log.error({ err: error, conversation: context.activity.conversation?.id }, 'turn failed');
    try {
      await context.sendActivity(toActivity(errorReply()) as unknown as Partial<Activity>);
    } catch (sendErr) {
      log.error({ err: sendErr }, 'could not send the error reply');
    }
  };
  return adapter;
}
