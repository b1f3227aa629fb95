// Finds personal and secret data in a message: the spans that entity extraction reports and that
// redaction masks. One scanner for both, so that what we recognise is also what we hide.
import { EMAIL_RE, URL_RE } from './patterns';
import { isMyKad } from './validators';

export type SensitiveKind = 'email' | 'url' | 'mykad' | 'phone' | 'account' | 'password' | 'secret' | 'employerCode';

export interface Span {
  kind: SensitiveKind;
  start: number;
  end: number;
  /** The matched text (for password/secret: only the value, not the keyword). */
  value: string;
}

const BANK_WORDS =
  /\b(?:bank|banks|maybank|cimb|public ?bank|pbb|rhb|hong ?leong|ambank|bank ?islam|bank ?rakyat|bsn|affin|alliance|ocbc|hsbc|uob|standard ?chartered|agrobank|muamalat|mbsb|no\.? ?akaun|nombor akaun|akaun bank|account (?:no|number)|acc(?:ount)? ?no|a\/c)\b/i;

/** With dashes, spaces, dots or slashes between the groups (people type all of them). */
const MYKAD_DASHED = /(?<![\d+])\d{6}[-\s./]\d{2}[-\s./]\d{4}(?!\d)/g;
const TWELVE = /(?<![\d+])\d{12}(?!\d)/g;
/** Mobile and fixed lines, grouped with dashes, spaces or dots, the prefix optionally in brackets: (012) 3456789. */
const PHONE =
  /(?<![\w+])(?:\(\s*(?:\+?60|0)1\d\s*\)[-\s.]?\d{3,4}[-\s.]?\d{4}|(?:\+?60[-\s.]?|0)1\d[-\s.]?\d{3,4}[-\s.]?\d{4}|\(\s*(?:\+?60|0)[3-9]\d?\s*\)[-\s.]?\d{3,4}[-\s.]?\d{4}|(?:\+?60[-\s.]?|0)[3-9]\d?[-\s.]?\d{3,4}[-\s.]?\d{4}|1[-\s]?[38]00[-\s]?\d{2,3}[-\s]?\d{3,4})(?![\d])/g;
const DIGIT_RUN = /(?<![\w+])\d(?:[\d]|[-\s](?=\d)){7,22}(?!\d)/g;
const EMPLOYER_CODE = /\b[a-z]\d{10}[a-z]\b/gi;

/** "password saya Abc123!", "pw: xxxx", "kata laluan sy ...", "my password is hunter2", "passcode 123456". */
const PASSWORD_KEY =
  /\b(?:password|passwd|pasword|pwd|pw|pass ?word|pass ?code|kata ?laluan|katalaluan|kata kunci|kod ?laluan|kod ?rahsia|pin)\b\s*(?:(?:(?:saya|sy|aku|ku|ialah|adalah|is|was|my|baru|new|lama|old|ni|ini)\b|[=:])\s*)*/gi;
const SECRET_KEY =
  /\b(?:bearer|token|api[_ -]?key|secret|client[_ -]?secret|access[_ -]?key|app[_ -]?password|microsoftapppassword|triage_token)\b\s*[:=]?\s*/gi;
/** Words that follow "password" in ordinary sentences; never treated as a password value. */
const COMMON_AFTER =
  new Set('saya sy aku tak tidak x lupa dah sudah salah lagi boleh macam mana nak untuk dia tu ni ini itu yang and or is was not for to the a my i reset baru lama expired tamat sementara temporary dengan ke di kat la lah pun please tolong tukar change forgot again still cannot can dont do never has have kena perlu mesti account akaun portal email emel sent dihantar wrong incorrect invalid correct expired locked blocked required needed weak strong reset salah betul sah diperlukan tamat dikunci disekat'.split(' '));

function overlaps(spans: Span[], s: number, e: number): boolean {
  return spans.some((x) => s < x.end && e > x.start);
}

function push(spans: Span[], kind: SensitiveKind, start: number, end: number, value: string): void {
  if (!overlaps(spans, start, end)) spans.push({ kind, start, end, value });
}

/** A token that looks like a secret rather than a word: has a digit or a symbol, or mixed case. */
function secretLike(tok: string): boolean {
  if (tok.length < 4) return false;
  return /\d/.test(tok) || /[^\p{L}\p{N}]/u.test(tok) || (/[a-z]/.test(tok) && /[A-Z]/.test(tok.slice(1)));
}

/**
 * Full-width forms (U+FF01-FF5E, the ideographic space) folded to ASCII, one UTF-16 unit for one,
 * so spans found on the result are valid offsets into the original text.
 */
export function foldWidth(text: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(text)) return text;
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export function findSensitive(original: string): Span[] {
  const text = foldWidth(original);
  const spans: Span[] = [];
  if (text.includes('@')) for (const m of text.matchAll(EMAIL_RE)) push(spans, 'email', m.index!, m.index! + m[0].length, m[0]);
  findSecrets(text, spans);
  if (text.includes('.')) {
    for (const m of text.matchAll(URL_RE)) {
      const v = m[0].replace(/[.,;:!?)\]]+$/, '');
      push(spans, 'url', m.index!, m.index! + v.length, v);
    }
  }
  // everything below is made of digits
  if (!/\d/.test(text)) return spans.sort((a, b) => a.start - b.start);
  for (const m of text.matchAll(EMPLOYER_CODE)) push(spans, 'employerCode', m.index!, m.index! + m[0].length, m[0]);
  for (const m of text.matchAll(MYKAD_DASHED)) push(spans, 'mykad', m.index!, m.index! + m[0].length, m[0]);
  // a long number next to a bank word is an account number, even when it would also pass as a phone or MyKad
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 17) continue;
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 20);
    if (BANK_WORDS.test(before) || BANK_WORDS.test(after)) push(spans, 'account', m.index!, m.index! + m[0].length, m[0]);
  }
  for (const m of text.matchAll(TWELVE)) {
    // a plain 12-digit run is a MyKad unless it is clearly a +60 phone number that fails the MyKad check
    if (m[0].startsWith('60') && !isMyKad(m[0])) continue;
    push(spans, 'mykad', m.index!, m.index! + m[0].length, m[0]);
  }
  for (const m of text.matchAll(PHONE)) push(spans, 'phone', m.index!, m.index! + m[0].length, m[0]);
  return spans.sort((a, b) => a.start - b.start);
}

/** Cheap test before the costly keyword patterns: most messages mention no credential at all. */
const SECRET_HINT = /pass|pw|pwd|kata|kunci|laluan|rahsia|pin|bearer|token|key|secret/i;

function findSecrets(text: string, spans: Span[]): void {
  if (!SECRET_HINT.test(text)) return;
  for (const m of text.matchAll(SECRET_KEY)) {
    const at = m.index! + m[0].length;
    const v = /^[^\s,;]{6,}/.exec(text.slice(at));
    // after "bearer" anything is the credential; after "token"/"secret" only what looks like one
    if (v && (/^bearer/i.test(m[0]) || secretLike(v[0]) || v[0].length >= 20)) push(spans, 'secret', at, at + v[0].length, v[0]);
  }
  for (const m of text.matchAll(PASSWORD_KEY)) {
    const at = m.index! + m[0].length;
    const colon = /[:=]\s*$/.test(m[0]);
    if (colon) {
      // After "password:" the value runs to the end of the clause: "correct horse battery" is one password.
      const phrase = /^[^,;\n]{1,64}?(?=[.!?]?(?:[,;\n]|[.!?]\s|$))/.exec(text.slice(at))?.[0].trimEnd();
      const words = phrase?.split(/\s+/).map((w) => w.toLowerCase().replace(/[.,!?]+$/, '')) ?? [];
      // "password: tak boleh guna" is about a password, not one.
      if (phrase && !words.every((w) => COMMON_AFTER.has(w))) push(spans, 'password', at, at + phrase.length, phrase);
      continue;
    }
    const v = /^[^\s,;]+/.exec(text.slice(at));
    if (!v) continue;
    const tok = v[0].replace(/[.,]+$/, '');
    if (!tok || COMMON_AFTER.has(tok.toLowerCase())) continue;
    if (secretLike(tok) || /\b(?:is|was|ialah|adalah)\s*$/i.test(m[0])) push(spans, 'password', at, at + tok.length, tok);
  }
}
