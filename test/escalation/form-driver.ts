// Files a ticket through the escalation form as a user would, answering whatever the form asks:
// the checklist in order, the contact question (e-mail or phone) if the form asks one, and the
// summary-and-confirm step's "Hantar / Send" if one is shown. Returns the ticket reference.
import { GOOD_ANSWERS, REFERENCE, say, type Said } from './helpers';

export interface FormAnswers {
  problem: string;
  /** Given when the form asks for a contact. */
  contact: string;
}

const ASKS_CONTACT = /e-?mel|e-?mail|telefon|phone/i;
const SEND = /hantar|send/i;

function lastLine(text: string): string {
  return text.trim().split('\n').filter((l) => l.trim() !== '').at(-1) ?? '';
}

export async function fileThroughForm(url: string, conv: string, opening: string[], answers: FormAnswers): Promise<{ reference: string; said: Said[] }> {
  const said: Said[] = [];
  let last: Said = { text: '', buttons: [], activities: [] };
  for (const line of opening) said.push((last = await say(url, conv, line)));
  const queue = [...GOOD_ANSWERS, answers.problem];
  let contactGiven = false;
  for (let step = 0; step < 20; step++) {
    const ref = REFERENCE.exec(last.text);
    if (ref) return { reference: ref[0], said };
    const send = last.buttons.find((b) => SEND.test(b));
    let next: string | undefined;
    if (send) next = send;
    else if (!contactGiven && ASKS_CONTACT.test(lastLine(last.text)) && !/mykad|majikan|employer|syarikat|company/i.test(lastLine(last.text))) {
      next = answers.contact;
      contactGiven = true;
    } else next = queue.shift();
    if (next === undefined) break;
    said.push((last = await say(url, conv, next)));
  }
  throw new Error(`the form filed no ticket; last reply: ${last.text}`);
}
