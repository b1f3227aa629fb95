// The Bot Framework shell: turns activities from /api/messages (Teams, Azure channels,
// the Emulator) into calls to the conversation service and its replies into activities.
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { ConversationService, ConversationRef } from '../conversation-service';
import { STRINGS } from '../core';
import { logTurn, type Logger } from '../logging';
import { localeFor, toActivity } from './activities';
import { handoffInitiation } from '../handoff/bf-event';

export function conversationRef(activity: Partial<Activity>): ConversationRef {
  return {
    channelId: activity.channelId ?? 'unknown',
    conversationId: activity.conversation?.id ?? 'unknown',
    userId: activity.from?.id ?? 'unknown',
  };
}

/** Text of a message without the @mention of the bot that Teams puts in front of it. */
export function messageText(activity: Partial<Activity>): string {
  const hasMention = (activity.entities ?? []).some((e) => e.type === 'mention');
  const text = hasMention ? TurnContext.removeRecipientMention(activity) : activity.text;
  return (text ?? '').replace(/<at>[^<]*<\/at>/g, '').trim();
}

/** Submit data from an Adaptive Card: the text of a pressed action, if any. */
function valueText(value: unknown): string {
  if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
    return (value as { text: string }).text;
  }
  return '';
}

export interface BotLogicOptions {
  /** Channels whose live-agent hub gets the handoff.initiate event when a ticket is filed (HANDOFF_EVENT_CHANNELS). */
  handoffEventChannels?: string[];
}

export function createBotLogic(service: ConversationService, log: Logger, options: BotLogicOptions = {}) {
  return async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const ref = conversationRef(activity);
    if (activity.type === ActivityTypes.Message) {
      const text = messageText(activity) || valueText(activity.value);
      const started = Date.now();
      const turn = await service.message(ref, { text, value: activity.value, channel: ref.channelId });
      logTurn(log, { conversation: ref.conversationId, channel: ref.channelId, text, started }, turn.meta, turn.loggableText);
      await context.sendActivities(turn.replies.map((r) => toActivity(r, localeFor(turn.meta.lang))));
      if (turn.handoff && options.handoffEventChannels?.includes(ref.channelId)) {
        // The ticket is already stored and e-mailed; a hub that is down must not fail the turn.
        try {
          await context.sendActivity(handoffInitiation(context, turn.handoff));
        } catch (err) {
          log.error({ err, reference: turn.handoff.reference }, 'handoff event not sent');
        }
      }
      return;
    }
    if (activity.type === ActivityTypes.ConversationUpdate) {
      const joined = (activity.membersAdded ?? []).filter((m) => m.id !== activity.recipient?.id);
      if (joined.length === 0) return;
      const turn = await service.join(ref);
      await context.sendActivities(turn.replies.map((r) => toActivity(r)));
    }
  };
}

/** The reply when a turn fails: polite, bilingual, and the saved conversation is untouched. */
export function errorActivity(): Partial<Activity> {
  return toActivity({ text: `${STRINGS.error.ms}\n\n${STRINGS.error.en}` });
}
