// Masks personal data and secrets before a message is stored or logged. URLs and employer codes are
// kept: they are not personal and support staff need them.
import { findSensitive, type SensitiveKind } from './sensitive';

const MASK: Partial<Record<SensitiveKind, string>> = {
  email: '[EMAIL]',
  mykad: '[MYKAD]',
  phone: '[PHONE]',
  account: '[ACCOUNT]',
  password: '[PASSWORD]',
  secret: '[SECRET]',
};

/**
 * PERKESO's own public lines are not personal data; keeping them readable keeps the bot's answers
 * in a transcript understandable. Digits only, compared without separators.
 */
const PUBLIC_CONTACTS = new Set(['1300228000', '15888', '0342567798', 'perkeso@perkeso.gov.my', 'idportal@perkeso.gov.my']);

function isPublicContact(value: string): boolean {
  const v = value.toLowerCase();
  return PUBLIC_CONTACTS.has(v) || PUBLIC_CONTACTS.has(v.replace(/\D/g, ''));
}

export function redact(raw: string): string {
  if (typeof raw !== 'string' || !raw) return raw;
  // NFKC first: full-width digits and look-alike forms are scanned (and kept) as their plain form.
  const text = raw.normalize('NFKC');
  let out = '';
  let at = 0;
  for (const s of findSensitive(text)) {
    const mask = MASK[s.kind];
    if (!mask || ((s.kind === 'phone' || s.kind === 'email') && isPublicContact(text.slice(s.start, s.end)))) continue;
    out += text.slice(at, s.start) + mask;
    at = s.end;
  }
  return out + text.slice(at);
}
