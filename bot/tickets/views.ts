// How tickets are shown outside the store: MyKad numbers masked everywhere in the console, lists
// and single tickets alike (issue 16). The whole number reaches officers only in the ticket e-mail.
import { maskMyKadDigits } from '../../intents/validators';
import { displayText, knownChannel } from './display';
import type { Checklist, Ticket } from './types';

/** Same shape as the chat echo: birth date and last digit, e.g. 900101-**-***3. */
export function maskMyKad(digits: string | null): string | null {
  return digits ? maskMyKadDigits(digits) : null;
}

export type ListedTicket = Omit<Ticket, 'transcript' | 'notes' | 'checklist'> & {
  checklist: Ticket['checklist'];
  noteCount: number;
};

const clean = (v: string | null): string | null => (v === null ? null : displayText(v));

/** What the caller typed, made safe to show (see display.ts); the channel only if it is a known id. */
function shown(t: Ticket): Ticket {
  const c = t.checklist;
  const checklist: Checklist = { employerCode: clean(c.employerCode), companyName: clean(c.companyName), repName: clean(c.repName), mykad: c.mykad, problem: clean(c.problem) };
  return {
    ...t,
    checklist,
    channel: knownChannel(t.channel) ?? '(other)',
    conversationId: displayText(t.conversationId),
    transcript: t.transcript.map((turn) => ({ ...turn, text: displayText(turn.text) })),
    notes: t.notes.map((n) => ({ ...n, author: displayText(n.author), text: displayText(n.text) })),
    assignee: clean(t.assignee),
    ...(t.contact ? { contact: { ...(t.contact.email ? { email: displayText(t.contact.email) } : {}), ...(t.contact.phone ? { phone: displayText(t.contact.phone) } : {}) } } : {}),
    ...(t.reply ? { reply: { ...t.reply, text: displayText(t.reply.text), author: displayText(t.reply.author) } } : {}),
  };
}

/** A ticket for a list: no transcript or notes, MyKad masked. */
export function ticketForList(t: Ticket): ListedTicket {
  const { transcript: _t, notes, checklist, ...rest } = shown(t);
  return { ...rest, checklist: { ...checklist, mykad: maskMyKad(checklist.mykad) }, noteCount: notes.length };
}

/** A single ticket: transcript, notes and reply too; the MyKad masked (also as `mykadMasked`, for older pages). */
export function ticketForOne(t: Ticket): Ticket & { mykadMasked: string | null } {
  const one = shown(t);
  const masked = maskMyKad(t.checklist.mykad);
  return { ...one, checklist: { ...one.checklist, mykad: masked }, mykadMasked: masked };
}
