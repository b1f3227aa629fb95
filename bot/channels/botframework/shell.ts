// The Bot Framework shell (botbuilder): authenticates activities from /api/messages (Teams, Azure
// channels, the Emulator) with the channel token and runs them through the shared activity turn.
import type { Activity, TurnContext } from 'botbuilder';
import type { Config } from '../../config';
import type { Logger } from '../../logging';
import type { ActivityAnswer } from '../activity-turn';
import type { ActivityJson } from '../activities';
import type { ChannelShell } from '../messages-route';
import { createAdapter } from './adapter';
import { fixActivity } from './auth';

export function createBotLogic(handle: (activity: ActivityJson) => Promise<ActivityAnswer>, log: Logger) {
  return async (context: TurnContext): Promise<void> => {
    const { replies, events } = await handle(context.activity as unknown as ActivityJson);
    if (replies.length > 0) await context.sendActivities(replies as unknown as Partial<Activity>[]);
    for (const event of events) {
      // The ticket is already stored and e-mailed; a hub that is down must not fail the turn.
      try {
        await context.sendActivity(event as unknown as Partial<Activity>);
      } catch (err) {
        log.error({ err }, 'handoff event not sent');
      }
    }
  };
}

export function createBotFrameworkShell(config: Config, log: Logger, handle: (activity: ActivityJson) => Promise<ActivityAnswer>): ChannelShell {
  const adapter = createAdapter(config, log);
  const logic = createBotLogic(handle, log);
  return {
    async authenticate(body, header) {
      const activity = fixActivity(body);
      const auth = await adapter.authenticate(activity, header);
      return {
        activity: activity as unknown as ActivityJson,
        run: async () => {
          const invoke = await adapter.runAuthenticated(auth, activity, logic);
          return { status: invoke?.status ?? 200, body: invoke?.body };
        },
      };
    },
  };
}
