// Bearer-token check for the support-staff API, in constant time so the token cannot be
// guessed a character at a time from response timings.
import crypto from 'crypto';

const digest = (s: string): Buffer => crypto.createHash('sha256').update(s, 'utf8').digest();

/** Whether an Authorization header carries the token. An empty token never matches. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  if (!token) return false;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  // Compare fixed-length digests: timingSafeEqual needs equal lengths, and the length of the
  // token itself should not leak either.
  return crypto.timingSafeEqual(digest(m ? m[1] : ''), digest(token)) && m !== null;
}
