// Text from a caller (names, the problem, the transcript, the channel id) as the officers see it in
// the e-mail and on the staff page: without control characters (terminal escapes, stray CRs) and
// without bidi overrides, which can make "gnp.exe" read as "exe.png" or reorder a whole line.

/** C0 (but tab and newline), DEL, C1, and the bidi embedding, override, isolate and mark characters. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function displayText(text: string): string {
  return text.replace(UNSAFE, '');
}

/** Channel ids the bot can really be reached on (Bot Framework channels, the widget, the terminal). */
export const KNOWN_CHANNELS: ReadonlySet<string> = new Set([
  'msteams', 'webchat', 'directline', 'emulator', 'slack', 'facebook', 'telegram', 'email', 'sms', 'twilio-sms',
  'skype', 'kik', 'line', 'groupme', 'omnichannel', 'alexa', 'outlook', 'm365extensions', 'terminal',
]);

/** The channel id if it is a known one, else null: an unknown id is whatever a caller chose to send. */
export function knownChannel(channel: string): string | null {
  return KNOWN_CHANNELS.has(channel) ? channel : null;
}
