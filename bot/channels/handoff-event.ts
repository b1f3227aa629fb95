// The handoff initiation event (handoff.initiate) of the Bot Framework handoff protocol, built as
// plain activity JSON so every shell that can carry events sends the same one (the shape is that of
// botbuilder's EventFactory.createHandoffInitiation). Sent only to channels listed in
// HANDOFF_EVENT_CHANNELS: CONTRACT.md promises that every reply a client gets with expectReplies is
// a message activity.
import crypto from 'crypto';
import type { HandoffNotice } from '../conversation-service';
import { MESSAGE, type ActivityJson } from './activities';

/** The user's message the event relates to: who spoke, to whom, in which conversation. */
export type HandoffOrigin = Pick<ActivityJson, 'id' | 'channelId' | 'conversation' | 'from' | 'recipient' | 'serviceUrl' | 'locale'>;

export function transcriptActivities(origin: HandoffOrigin, notice: HandoffNotice): ActivityJson[] {
  return notice.transcript.map((turn) => {
    const user = turn.from === 'user';
    // A transcript for the hub, not activities to send: only the fields a hub reads.
    return {
      type: MESSAGE,
      text: turn.text,
      timestamp: new Date(turn.at).toISOString(),
      channelId: origin.channelId,
      conversation: origin.conversation,
      from: user ? origin.from : origin.recipient,
      recipient: user ? origin.recipient : origin.from,
    };
  });
}

export function handoffInitiation(origin: HandoffOrigin, notice: HandoffNotice, now: Date = new Date()): ActivityJson & Record<string, unknown> {
  return {
    type: 'event',
    name: 'handoff.initiate',
    id: crypto.randomUUID(),
    timestamp: now.toISOString(),
    value: notice.context,
    channelId: origin.channelId,
    conversation: origin.conversation,
    from: origin.from,
    serviceUrl: origin.serviceUrl,
    replyToId: origin.id,
    relatesTo: {
      activityId: origin.id,
      user: origin.from,
      bot: origin.recipient,
      conversation: origin.conversation,
      channelId: origin.channelId,
      locale: origin.locale,
      serviceUrl: origin.serviceUrl,
    },
    attachments: [{ content: { activities: transcriptActivities(origin, notice) }, contentType: 'application/json', name: 'Transcript' }],
    entities: [],
  };
}
