import { redact } from '../../intents';

describe('redact', () => {
  test.each([
    ['IC saya 900101-14-5673', 'IC saya [MYKAD]'],
    ['ic 900101145673 ok', 'ic [MYKAD] ok'],
    ['call me 012-345 6789', 'call me [PHONE]'],
    ['+60 12-345 6789', '[PHONE]'],
    ['emel ali.baba@contoh.com.my tq', 'emel [EMAIL] tq'],
    ['password saya Abc123! tolong reset', 'password saya [PASSWORD] tolong reset'],
    ['pw: xxxx', 'pw: [PASSWORD]'],
    ['kata laluan sy Rahsia99', 'kata laluan sy [PASSWORD]'],
    ['akaun maybank 1234 5678 9012 untuk gaji', 'akaun maybank [ACCOUNT] untuk gaji'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def', 'Authorization: Bearer [SECRET]'],
    ['api_key=sk_live_1234567890abcdef', 'api_key=[SECRET]'],
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  test('leaves ordinary questions, amounts, employer codes and official links alone', () => {
    for (const s of [
      'lupa password saya, macam mana nak reset?',
      'berapa caruman untuk gaji RM2,500 bulan 10/2024',
      'kod majikan A3100001237X',
      'is https://assist.perkeso.gov.my the real portal?',
    ]) {
      expect(redact(s)).toBe(s);
    }
  });

  test('masks several items in one message', () => {
    expect(redact('900101-14-5673 / 0123456789 / a@b.co')).toBe('[MYKAD] / [PHONE] / [EMAIL]');
  });
});

test("PERKESO's own public contact lines stay readable, a user's do not", () => {
  expect(redact('Call the Careline on 1-300-22-8000 or e-mail perkeso@perkeso.gov.my')).toBe(
    'Call the Careline on 1-300-22-8000 or e-mail perkeso@perkeso.gov.my',
  );
  expect(redact('call me at 1-300-22-8001 or ali@perkeso.gov.my')).not.toMatch(/8001|ali@/);
});
