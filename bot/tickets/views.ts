// How tickets are shown outside the store: MyKad numbers masked in lists (and anywhere many
// tickets are seen at once), whole only on a single ticket.
import type { Ticket } from './types';

/** Same shape as the chat echo: birth date and last digit, e.g. 900101-**-***3. */
export function maskMyKad(digits: string | null): string | null {
  if (!digits) return null;
  return /^\d{12}$/.test(digits) ? `${digits.slice(0, 6)}-**-***${digits.slice(11)}` : '************';
}

export type ListedTicket = Omit<Ticket, 'transcript' | 'notes' | 'checklist'> & {
  checklist: Ticket['checklist'];
  noteCount: number;
};

/** A ticket for a list: no transcript or notes, MyKad masked. */
export function ticketForList(t: Ticket): ListedTicket {
  const { transcript: _t, notes, checklist, ...rest } = t;
  return { ...rest, checklist: { ...checklist, mykad: maskMyKad(checklist.mykad) }, noteCount: notes.length };
}

/** A single ticket: everything, plus the masked MyKad for display beside the full one. */
export function ticketForOne(t: Ticket): Ticket & { mykadMasked: string | null } {
  return { ...t, mykadMasked: maskMyKad(t.checklist.mykad) };
}
