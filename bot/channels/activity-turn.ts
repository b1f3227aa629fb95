// One activity from an SDK shell (Bot Framework or Agents SDK) through the inbound pipeline: the
// plain message it carries in, the reply activities (and handoff event) out. The shells only add
// their SDK's authentication and sending, so both answer a conversation exactly alike.
import type { ConversationRef } from '../conversation-service';
import type { Inbound, InboundResult } from '../inbound/pipeline';
import { localeFor, MESSAGE, toActivity, type ActivityJson } from './activities';
import { handoffInitiation } from './handoff-event';
import { attachedTextFile, type FileFetcher } from './attached-file';

export interface ActivityAnswer {
  /** Message activities, in order. */
  replies: ActivityJson[];
  /** Sent after the replies (the handoff.initiate event); a channel that refuses them must not fail the turn. */
  events: ActivityJson[];
}

export function conversationRef(activity: ActivityJson): ConversationRef {
  return {
    channelId: activity.channelId ?? 'unknown',
    conversationId: activity.conversation?.id ?? 'unknown',
    userId: activity.from?.id ?? 'unknown',
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text of a message without the @mention of the bot that Teams puts in front of it (nor anyone else's tag). */
export function messageText(activity: ActivityJson): string {
  let text = activity.text ?? '';
  for (const e of activity.entities ?? []) {
    const mentioned = (e as { mentioned?: { id?: unknown } }).mentioned;
    const tag = (e as { text?: unknown }).text;
    if (e.type === 'mention' && mentioned?.id === activity.recipient?.id && typeof tag === 'string' && tag !== '') {
      text = text.replace(new RegExp(escapeRegExp(tag), 'g'), '');
    }
  }
  return text.replace(/<at>[^<]*<\/at>/g, '').trim();
}

export interface ActivityTurnOptions {
  /** Downloads a Teams file (https, Teams/SharePoint hosts only); tests inject one. */
  fetchFile?: FileFetcher;
}

export function createActivityTurns(inbound: Inbound, options: ActivityTurnOptions = {}): (activity: ActivityJson) => Promise<ActivityAnswer> {
  const answer = (activity: ActivityJson, result: InboundResult): ActivityAnswer => {
    const locale = result.lang ? localeFor(result.lang) : undefined;
    return {
      replies: result.replies.map((r) => toActivity(r, locale, activity.channelId)),
      events: result.handoff ? [handoffInitiation(activity, result.handoff)] : [],
    };
  };
  return async (activity) => {
    const ref = conversationRef(activity);
    if (activity.type === MESSAGE) {
      const file = await attachedTextFile(activity.attachments, options.fetchFile);
      if (file.kind === 'refused') return answer(activity, { replies: [file.reply] });
      const attachment = file.kind === 'file' ? file.attachment : undefined;
      return answer(activity, await inbound.message({ ref, text: messageText(activity), value: activity.value, attachment }));
    }
    if (activity.type === 'conversationUpdate') {
      const joined = (activity.membersAdded ?? []).filter((m) => m.id !== activity.recipient?.id);
      if (joined.length === 0) return { replies: [], events: [] };
      return answer(activity, await inbound.join(ref));
    }
    return { replies: [], events: [] };
  };
}
