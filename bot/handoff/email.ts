// The e-mail an officer receives for a ticket: bilingual subject with the reference, and a plain
// text body that reads top to bottom: who, what, then the conversation that led here.
import { KL_TIME_ZONE } from '../../locale';
import { displayText, knownChannel, type Ticket } from '../tickets';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Stable per ticket: a copy sent twice (after a crash mid-send) is recognisably the same message. */
  messageId: string;
}

export interface EmailSettings {
  from: string;
  to: string;
  /** Base URL of the bot, for a link to the ticket on the staff page; empty = no link. */
  publicUrl: string;
  /** How a topic (an intent id) is named for the officer; default: the id itself. */
  topicLabel?: (intent: string, lang: 'ms' | 'en') => string;
}

const KL = KL_TIME_ZONE;
const MAX_LINE = 400;
/** The problem is wrapped at this width, never cut: it is what the officer needs most. */
const WRAP = 76;

function klTime(iso: string): string {
  const d = new Date(iso);
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: KL, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  return `${f.format(d)} (Malaysia time)`;
}

function hhmm(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: KL, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

function oneLine(text: string): string {
  const flat = displayText(text).replace(/\s+/g, ' ').trim();
  return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE - 1)}…` : flat;
}

/** Whole text, safe, on lines of at most WRAP characters (a longer word is broken). */
export function wrap(text: string, width = WRAP): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of displayText(text).replace(/\s+/g, ' ').trim().split(' ')) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** "Label: text" on one line when it fits, else the label and the text wrapped and indented below it. */
function wrapped(label: string, text: string): string[] {
  const lines = wrap(text);
  if (lines.length === 1 && label.length + 1 + lines[0].length <= WRAP) return [`${label} ${lines[0]}`];
  return [label, ...lines.map((l) => `  ${l}`)];
}

const NOT_GIVEN = '(tidak diberi / not given)';

function mykadForMail(digits: string | null): string {
  if (!digits) return NOT_GIVEN;
  return /^\d{12}$/.test(digits) ? `${digits.slice(0, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}` : displayText(digits);
}

function domainOf(address: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address);
  return m ? m[1] : 'hanna-bot.invalid';
}

export function subjectFor(ticket: Ticket): string {
  const company = ticket.checklist.companyName ? ` – ${oneLine(ticket.checklist.companyName).slice(0, 80)}` : '';
  return `[${ticket.reference}] Tiket baharu / New ticket${company}`;
}

export function composeTicketEmail(ticket: Ticket, settings: EmailSettings): MailMessage {
  const c = ticket.checklist;
  const lines: string[] = [
    'Tiket baharu daripada chatbot / New ticket from the chatbot',
    '',
    `Rujukan / Reference: ${ticket.reference}`,
    `Difailkan / Filed: ${klTime(ticket.createdAt)}`,
    `Bahasa / Language: ${ticket.lang === 'ms' ? 'Bahasa Melayu' : 'English'}`,
    `Saluran / Channel: ${knownChannel(ticket.channel) ?? '(lain / other)'}`,
    '',
    'SENARAI SEMAK / CHECKLIST',
    `Nombor majikan / Employer number: ${c.employerCode ? oneLine(c.employerCode) : NOT_GIVEN}`,
    `Nama syarikat / Company name: ${c.companyName ? oneLine(c.companyName) : NOT_GIVEN}`,
    `Nama wakil / Representative: ${c.repName ? oneLine(c.repName) : NOT_GIVEN}`,
    `MyKad wakil / Representative's MyKad: ${mykadForMail(c.mykad)}`,
    ...(c.problem ? wrapped('Masalah / Problem:', c.problem) : [`Masalah / Problem: ${NOT_GIVEN}`]),
  ];
  if (ticket.missing.length > 0) {
    lines.push('', 'Pengguna melangkau butiran yang ditanda "not given" selepas beberapa cubaan. / The user skipped the items marked "not given" after several tries.');
  }
  lines.push('', `Topik yang ditanya / Topics asked about: ${ticket.topics.length > 0 ? ticket.topics.map((t) => (settings.topicLabel ? settings.topicLabel(t, ticket.lang) : t)).join('; ') : '-'}`);
  lines.push('', 'TRANSKRIP (data peribadi disembunyikan) / TRANSCRIPT (personal data redacted)');
  for (const turn of ticket.transcript) {
    lines.push(`[${hhmm(turn.at)}] ${turn.from === 'user' ? 'Pengguna / User' : 'Bot'}: ${oneLine(turn.text)}`);
  }
  if (settings.publicUrl) {
    lines.push('', `Buka tiket / Open the ticket: ${settings.publicUrl.replace(/\/+$/, '')}/staff#${ticket.reference}`);
  }
  lines.push('', 'Mesej ini dijana oleh chatbot. Maklumat di atas ialah data peribadi: jangan majukan ke luar. / This message was generated by the chatbot. The details above are personal data: do not forward them outside.');
  return {
    from: settings.from,
    to: settings.to,
    subject: subjectFor(ticket),
    text: lines.join('\n') + '\n',
    messageId: `<${ticket.reference}.${Date.parse(ticket.createdAt)}@${domainOf(settings.from)}>`,
  };
}
