// The e-mail an officer receives for a ticket: bilingual subject with the reference, and a plain
// text body that reads top to bottom: who, what, then the conversation that led here.
import { KL_TIME_ZONE } from '../../locale';
import { displayText, knownChannel, type Ticket, type TicketReply } from '../tickets';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Where the recipient's answer goes (an officer's reply: the support mailbox, not the bot's sender). */
  replyTo?: string;
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

/** "e-mail a@b.my; telefon / phone 012-…", or not given. */
function contactLine(contact: Ticket['contact']): string {
  const parts: string[] = [];
  if (contact?.email) parts.push(`e-mel / e-mail ${oneLine(contact.email)}`);
  if (contact?.phone) parts.push(`telefon / phone ${oneLine(contact.phone)}`);
  return parts.length > 0 ? parts.join('; ') : `${NOT_GIVEN} – balas melalui saluran chat sahaja / reply through the chat channel only`;
}

/** One line per user message: what the bot took it to be, and how sure it was. */
export function intentTrail(ticket: Ticket): string[] {
  return ticket.transcript
    .filter((turn) => turn.from === 'user')
    .map((turn) => {
      const guess = turn.intent ? `${turn.intent}${turn.confidence !== undefined ? ` (${Math.round(turn.confidence * 100)}%)` : ''}` : '(tiada / none)';
      return `[${hhmm(turn.at)}] ${guess} ← ${oneLine(turn.text).slice(0, 80)}`;
    });
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
    `Hubungan / Contact: ${contactLine(ticket.contact)}`,
  ];
  if (ticket.missing.length > 0) {
    lines.push('', 'Pengguna melangkau butiran yang ditanda "not given" selepas beberapa cubaan. / The user skipped the items marked "not given" after several tries.');
  }
  lines.push('', `Topik yang ditanya / Topics asked about: ${ticket.topics.length > 0 ? ticket.topics.map((t) => (settings.topicLabel ? settings.topicLabel(t, ticket.lang) : t)).join('; ') : '-'}`);
  lines.push('', 'TRANSKRIP (data peribadi disembunyikan) / TRANSCRIPT (personal data redacted)');
  for (const turn of ticket.transcript) {
    lines.push(`[${hhmm(turn.at)}] ${turn.from === 'user' ? 'Pengguna / User' : 'Bot'}: ${oneLine(turn.text)}`);
  }
  lines.push('', 'JEJAK NIAT (apa yang bot faham bagi setiap mesej) / INTENT TRAIL (what the bot understood at each message)');
  const trail = intentTrail(ticket);
  lines.push(...(trail.length > 0 ? trail : ['-']));
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

/** The officer's one reply to the employer: their text as written, the reference, nothing else of the ticket. */
export function composeReplyEmail(ticket: Ticket, reply: TicketReply, settings: EmailSettings): MailMessage {
  const lines = [
    `Balasan kepada tiket anda ${ticket.reference} / Reply to your ticket ${ticket.reference}`,
    '',
    ...displayText(reply.text).replace(/\r\n?/g, '\n').split('\n').flatMap((para) => (para.trim() === '' ? [''] : wrap(para))),
    '',
    `– ${oneLine(reply.author)}`,
    '',
    `Rujukan / Reference: ${ticket.reference}`,
    'Sila nyatakan rujukan ini jika anda membalas e-mel ini. / Please quote this reference if you answer this e-mail.',
  ];
  return {
    from: settings.from,
    to: reply.to,
    replyTo: settings.to,
    subject: `[${ticket.reference}] Balasan kepada tiket anda / Reply to your ticket`,
    text: lines.join('\n') + '\n',
    messageId: `<${ticket.reference}.reply.${reply.id}@${domainOf(settings.from)}>`,
  };
}
