// Visitors who leave personal data in the store, for the retention tests (SQLite and Redis):
// one files an officer ticket, one stops half-way through the officer form with the MyKad given,
// one only chats, and the website widget keeps an activity log.
import { createCoreDeps } from '../../bot/app';
import { ActivityLog } from '../../bot/channels/directline/activity-log';
import { readConfig } from '../../bot/config';
import { ConversationService, type ConversationRef } from '../../bot/conversation-service';
import type { CoreDeps } from '../../bot/core';
import { createHandoff } from '../../bot/handoff';
import { limitTickets } from '../../bot/limits';
import { silentLogger } from '../../bot/logging';
import type { DocumentStore } from '../../bot/storage';

let shared: CoreDeps | null = null;
function deps(): CoreDeps {
  if (!shared) shared = createCoreDeps();
  return shared;
}

/** Employer code, company, representative, MyKad: the officer form then asks for the problem. */
export const FORM_ANSWERS = ['A3100001237X', 'Maju Jaya Sdn Bhd', 'Siti Aminah binti Ahmad', '900101-14-5673'];
/** The escalation's last two steps: no contact, then the summary sent. */
const FINISH = ['skip', 'send'];
export const MYKAD_DIGITS = '900101145673';

export const ref = (conversationId: string): ConversationRef => ({ channelId: 'webchat', conversationId, userId: `user-${conversationId}` });

export interface Visitors {
  service: ConversationService;
  activityLog: ActivityLog;
  /** Says each line in the conversation; returns the texts of the last replies. */
  say(conversationId: string, lines: string[]): Promise<string>;
  /** Files an officer ticket; returns its reference. */
  fileTicket(conversationId: string): Promise<string>;
  /** A widget conversation with one exchange in its activity log. */
  widget(conversationId: string): Promise<void>;
}

export async function visitors(storage: DocumentStore, clock: () => Date): Promise<Visitors> {
  const d = deps();
  const handoff = createHandoff(readConfig({ STORAGE_URL: 'memory:' }), { storage, kb: d.kb, log: silentLogger, deliver: false });
  await handoff.start();
  const service = new ConversationService(d, storage, limitTickets(handoff.runEffect, storage), clock);
  const activityLog = new ActivityLog(storage, clock);
  const say = async (conversationId: string, lines: string[]) => {
    let text = '';
    for (const line of lines) text = (await service.message(ref(conversationId), { text: line, channel: 'webchat' })).replies.map((r) => r.text).join('\n');
    return text;
  };
  return {
    service,
    activityLog,
    say,
    async fileTicket(conversationId) {
      const text = await say(conversationId, ['talk to an officer', ...FORM_ANSWERS, 'The contribution file upload fails', ...FINISH]);
      const m = /HN-\d{4}-\d{6}/.exec(text);
      if (!m) throw new Error(`no ticket reference in: ${text}`);
      return m[0];
    },
    async widget(conversationId) {
      await activityLog.open(conversationId, `user-${conversationId}`);
      await activityLog.append(conversationId, [{ type: 'message', text: 'my IC is 900101-14-5673' }, { type: 'message', text: 'Noted.' }]);
    },
  };
}
