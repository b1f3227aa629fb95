// The Bot Framework handoff initiation event (handoff.initiate) for channels whose live-agent
// hub listens for it. Sent only where configured: CONTRACT.md promises that every reply a
// client gets with expectReplies is a message activity.
import { ActivityTypes, EventFactory, type Activity, type TurnContext } from 'botbuilder';
import type { HandoffNotice } from '../conversation-service';

export function transcriptActivities(context: TurnContext, notice: HandoffNotice): Activity[] {
  const a = context.activity;
  return notice.transcript.map((turn) => {
    const user = turn.from === 'user';
    // A transcript for the hub, not activities to send: only the fields a hub reads.
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      text: turn.text,
      timestamp: new Date(turn.at),
      channelId: a.channelId,
      conversation: a.conversation,
      from: user ? a.from : a.recipient,
      recipient: user ? a.recipient : a.from,
    };
    return activity as Activity;
  });
}

export function handoffInitiation(context: TurnContext, notice: HandoffNotice): Partial<Activity> {
  return EventFactory.createHandoffInitiation(context, notice.context, { activities: transcriptActivities(context, notice) });
}
