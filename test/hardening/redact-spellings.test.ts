// The redactor sees through the ways people actually write personal data: full-width digits,
// MyKad numbers and phone numbers with dots, slashes and brackets, and passwords given after a
// colon, as a phrase, or as a passcode. A property test tries many spellings at once.
import fc from 'fast-check';
import { redact } from '../../intents';

describe('spellings the redactor must catch', () => {
  test.each([
    ['IC ９００１０１-１４-５６７３', 'IC [MYKAD]'],
    ['IC 900101.14.5673', 'IC [MYKAD]'],
    ['IC 900101/14/5673 ya', 'IC [MYKAD] ya'],
    ['call 012.345.6789', 'call [PHONE]'],
    ['call (012) 3456789 pagi', 'call [PHONE] pagi'],
    ['tel ０１２-３４５６７８９', 'tel [PHONE]'],
    ['emel ａｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'emel [EMAIL]'],
    ['password: sayang', 'password: [PASSWORD]'],
    ['password is sayang', 'password is [PASSWORD]'],
    ['my password: correct horse battery', 'my password: [PASSWORD]'],
    ['my password: correct horse battery, tolong reset', 'my password: [PASSWORD], tolong reset'],
    ['passcode 123456', 'passcode [PASSWORD]'],
    ['kod laluan saya 998877', 'kod laluan saya [PASSWORD]'],
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  test('ordinary sentences about passwords and amounts stay as they are', () => {
    for (const s of [
      'lupa password saya, macam mana nak reset?',
      'password tak boleh guna, dah expired',
      'berapa caruman untuk gaji RM2,500 bulan 10/2024',
      'caruman bulan 03.2024 belum dibayar',
      'kod majikan A3100001237X',
    ]) {
      expect(redact(s)).toBe(s);
    }
  });
});

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const maybeFullWidth = (s: string) => fc.boolean().map((wide) => (wide ? fullWidth(s) : s));

/** YYMMDD-PB-###G with a real date, any separator people use. */
const mykad = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 16 }), digits(4), fc.constantFrom('-', ' ', '.', '/', ''))
  .map(([y, m, d, pb, tail, sep]) => [y, m, d].map((n) => String(n).padStart(2, '0')).join('') + sep + String(pb).padStart(2, '0') + sep + tail)
  .chain(maybeFullWidth);

/** Malaysian mobile numbers: 01X then 7 or 8 digits, grouped and bracketed in the usual ways. */
const phone = fc
  .tuple(fc.constantFrom('010', '011', '012', '013', '014', '016', '017', '018', '019'), digits(3), digits(4), fc.constantFrom('-', ' ', '.', ''), fc.constantFrom('plain', 'brackets', 'intl'))
  .map(([pre, a, b, sep, style]) => {
    if (style === 'brackets') return `(${pre}) ${a}${b}`;
    if (style === 'intl') return `+60${pre.slice(1)}${sep}${a}${sep}${b}`;
    return `${pre}${sep}${a}${sep}${b}`;
  })
  .chain(maybeFullWidth);

const word = fc.constantFrom('tolong', 'saya', 'nak', 'tanya', 'please', 'help', 'call', 'ok', 'terima kasih', 'boleh', 'urgent', 'hubungi');
const sentence = (inner: fc.Arbitrary<string>) => fc.tuple(fc.array(word, { maxLength: 3 }), inner, fc.array(word, { maxLength: 3 })).map(([a, x, b]) => ({ text: [...a, x, ...b].join(' '), secret: x }));

/** Digits only, after NFKC: how a leak is recognised whatever the separators. */
const digitsOf = (s: string) => s.normalize('NFKC').replace(/\D/g, '');

describe('property: many spellings', () => {
  test('no MyKad number survives in any spelling', () => {
    fc.assert(
      fc.property(sentence(mykad), ({ text, secret }) => {
        expect(digitsOf(redact(text))).not.toContain(digitsOf(secret));
      }),
      { numRuns: 400 },
    );
  });

  test('no mobile number survives in any spelling', () => {
    fc.assert(
      fc.property(sentence(phone), ({ text, secret }) => {
        expect(digitsOf(redact(text))).not.toContain(digitsOf(secret).slice(-7));
      }),
      { numRuns: 400 },
    );
  });

  test('a password given after a keyword never survives', () => {
    const keyword = fc.constantFrom('password', 'Password', 'pwd', 'kata laluan', 'passcode', 'pin', 'my password', 'password saya');
    const joiner = fc.constantFrom(': ', ' is ', ' = ', ' ialah ', ':');
    const value = fc.stringMatching(/^[a-z]{3,8}[0-9]{2,4}[!#]?$/);
    fc.assert(
      fc.property(fc.tuple(fc.array(word, { maxLength: 2 }), keyword, joiner, value), ([before, k, j, v]) => {
        const text = `${before.join(' ')} ${k}${j}${v}`.trim();
        expect(redact(text)).not.toContain(v);
      }),
      { numRuns: 400 },
    );
  });

  test('an e-mail address never survives, full-width or not', () => {
    const email = fc.tuple(fc.stringMatching(/^[a-z]{2,8}(\.[a-z]{2,6})?$/), fc.constantFrom('gmail.com', 'contoh.com.my', 'syarikat.my')).map(([u, d]) => `${u}@${d}`);
    fc.assert(
      fc.property(sentence(email.chain((e) => fc.boolean().map((w) => (w ? e.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : e)))), ({ text, secret }) => {
        expect(redact(text).normalize('NFKC')).not.toContain(secret.normalize('NFKC'));
      }),
      { numRuns: 200 },
    );
  });
});
