import { validateEmployerCode, validateMyKad } from '../../intents';

describe('validateMyKad (FACTS §7.3)', () => {
  const today = new Date('2026-01-15T00:00:00Z');

  test('a valid number, with or without dashes', () => {
    expect(validateMyKad('900101-14-5673', today)).toEqual({ ok: true, digits: '900101145673', masked: '900101-**-***3', birthDate: '1990-01-01' });
    expect(validateMyKad('900101145673', today).ok).toBe(true);
    expect(validateMyKad('900101 14 5673', today).ok).toBe(true);
  });

  test('the century is the one that does not put the birth in the future', () => {
    const r = validateMyKad('050607-10-1234', today);
    expect(r.ok && r.birthDate).toBe('2005-06-07');
    const old = validateMyKad('500607-10-1234', today);
    expect(old.ok && old.birthDate).toBe('1950-06-07');
  });

  test('29 February exists only in leap years (2000 was one, 1900 was not)', () => {
    const r = validateMyKad('000229-10-1234', today);
    expect(r.ok && r.birthDate).toBe('2000-02-29');
    expect(validateMyKad('010229-10-1234', today)).toEqual({ ok: false, reason: 'date' });
  });

  test.each(['900101-14-567', '90010114567a', '', '1234567890123', 'abc'])('format: %s', (v) => {
    expect(validateMyKad(v, today)).toEqual({ ok: false, reason: 'format' });
  });

  test.each(['901301-14-5673', '900132-14-5673', '900230-14-5673', '900001-14-5673'])('date: %s', (v) => {
    expect(validateMyKad(v, today)).toEqual({ ok: false, reason: 'date' });
  });

  test.each(['00', '17', '18', '19', '20', '69', '70', '73', '80', '81', '94', '95', '96', '97'])('place code %s is never issued', (pb) => {
    expect(validateMyKad(`900101-${pb}-5673`, today)).toEqual({ ok: false, reason: 'place' });
  });

  test.each(['01', '16', '21', '59', '60', '68', '71', '72', '74', '79', '82', '93', '98', '99'])('place code %s is valid', (pb) => {
    expect(validateMyKad(`900101-${pb}-5673`, today).ok).toBe(true);
  });

  test('the masked form keeps the birth date and last digit only', () => {
    const r = validateMyKad('880515-10-5432', today);
    expect(r.ok && r.masked).toBe('880515-**-***2');
  });
});

describe('validateEmployerCode (FACTS §7.1)', () => {
  test.each(['A3100001237X', 'a3100001237x', ' B3901000913X ', 'A 3100001237 X'])('valid: %s', (v) => {
    const r = validateEmployerCode(v);
    expect(r.ok).toBe(true);
    expect(r.ok && r.code).toMatch(/^[A-Z]\d{10}[A-Z]$/);
  });

  test.each(['E2303381K', 'A31000012370', '3100001237XA', 'AA100001237X', ''])('invalid: %s', (v) => {
    expect(validateEmployerCode(v)).toEqual({ ok: false, reason: 'format' });
  });
});
