// isOfficialUrl decides whether a pasted link gets a phishing caution.
import { findUrls, isOfficialUrl } from '../../knowledge';

describe('isOfficialUrl', () => {
  test.each([
    'https://assist.perkeso.gov.my',
    'https://assist.perkeso.gov.my/employer/login',
    'https://www.perkeso.gov.my/en/rate-of-contribution.html',
    'https://perkeso.gov.my',
    'https://lindungfaedah.perkeso.gov.my/',
    'HTTPS://ASSIST.PERKESO.GOV.MY/employer/login',
  ])('accepts the official address %s', (url) => {
    expect(isOfficialUrl(url)).toBe(true);
  });

  test.each([
    ['plain http', 'http://assist.perkeso.gov.my'],
    ['official name as a subdomain of another site', 'https://perkeso.gov.my.evil.com/login'],
    ['look-alike with a dash', 'https://assist-perkeso.com'],
    ['look-alike without the dot', 'https://assistperkeso.gov.my'],
    ['look-alike suffix', 'https://fakeperkeso.gov.my'],
    ['user info hiding the real host', 'https://perkeso.gov.my@evil.com/'],
    ['unusual port', 'https://assist.perkeso.gov.my:8443/'],
    ['no scheme', 'assist.perkeso.gov.my'],
    ['not a URL at all', 'perkeso'],
    ['empty', ''],
  ])('rejects %s: %s', (_why, url) => {
    expect(isOfficialUrl(url)).toBe(false);
  });
});

describe('findUrls', () => {
  test('finds URLs in a sentence without the punctuation after them', () => {
    expect(findUrls('Buka https://assist.perkeso.gov.my/employer/login. Atau http://x.example.com, ok?')).toEqual([
      'https://assist.perkeso.gov.my/employer/login',
      'http://x.example.com',
    ]);
  });
});
