/** URL rules: which addresses are PERKESO's own, and which URLs in the data are well formed. */

const OFFICIAL_DOMAIN = 'perkeso.gov.my';

/**
 * True only for https URLs whose host is perkeso.gov.my or a subdomain of it, on the default port and
 * without user info. Look-alikes (perkeso.gov.my.evil.com, assist-perkeso.com) and plain http are false.
 */
export function isOfficialUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.port !== '' || u.username !== '' || u.password !== '') return false;
  const host = u.hostname.toLowerCase();
  return host === OFFICIAL_DOMAIN || host.endsWith(`.${OFFICIAL_DOMAIN}`);
}

/** URLs written out in a text (http or https), without trailing punctuation. */
export function findUrls(text: string): string[] {
  const found = text.match(/\bhttps?:\/\/[^\s<>"'`]+/gi) ?? [];
  return found.map((u) => u.replace(/[.,;:!?)\]]+$/, ''));
}

/** Why a URL in the data is not acceptable, or null when it is fine: it must parse and use https. */
export function urlProblem(url: string): string | null {
  if (url.trim() !== url || /\s/.test(url)) return `is not a valid URL (it contains spaces): "${url}"`;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `is not a valid URL: "${url}"`;
  }
  if (u.protocol !== 'https:') return `must start with https:// (got "${url}")`;
  if (!u.hostname.includes('.') || u.hostname.startsWith('.') || u.hostname.endsWith('.')) {
    return `has no valid host name: "${url}"`;
  }
  return null;
}
