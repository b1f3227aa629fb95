import { extractEntities } from '../../intents/entities';

// 15 Nov 2025, 10:00 in Kuala Lumpur
const NOW = new Date('2025-11-15T02:00:00Z');
const at = (text: string, now: Date | null = NOW) => extractEntities(text, now ?? undefined);

describe('months relative to the turn (Asia/Kuala_Lumpur)', () => {
  test.each([
    ['caruman bulan lepas', '2025-10'],
    ['last month punya caruman', '2025-10'],
    ['bulan lalu', '2025-10'],
    ['gaji bulan ni 2500', '2025-11'],
    ['this month', '2025-11'],
    ['bulan depan', '2025-12'],
    ['next month', '2025-12'],
    ['2 bulan lepas', '2025-09'],
    ['three months ago', '2025-08'],
    ['Mac lepas', '2025-03'],
    ['last March', '2025-03'],
    ['bulan Ogos', '2025-08'],
    ['for August', '2025-08'],
    ['Disember ni', '2025-12'],
    ['Disember lepas', '2024-12'],
    ['November lepas', '2024-11'],
    ['bulan November', '2025-11'],
    ['Januari depan', '2026-01'],
    ['next January', '2026-01'],
    ['Ogos tahun lepas', '2024-08'],
    ['August last year', '2024-08'],
    ['gaji Jun', '2025-06'],
  ])('%s -> %s', (text, month) => {
    expect(at(text).months).toEqual([month]);
  });

  test('a month name without a year is the latest one not in the future', () => {
    expect(at('untuk Disember').months).toEqual(['2024-12']);
    expect(at('caruman Oktober')).toMatchObject({ months: ['2025-10'] });
  });

  test('the turn is read in Kuala Lumpur: 31 Dec 17:00 UTC is already January there', () => {
    expect(at('bulan lepas', new Date('2025-12-31T17:00:00Z')).months).toEqual(['2025-12']);
    expect(at('bulan ni', new Date('2025-12-31T15:59:00Z')).months).toEqual(['2025-12']);
  });

  test('without the moment of the turn, only months with their year are read', () => {
    expect(at('bulan lepas', null).months).toEqual([]);
    expect(at('bulan Ogos', null).months).toEqual([]);
    expect(at('Oktober 2024', null).months).toEqual(['2024-10']);
  });

  test('forms with a year keep working, with or without the moment', () => {
    for (const [text, month] of [['bulan 2025-03', '2025-03'], ['10/2024', '2024-10'], ['Oktober 2024', '2024-10'], ['bulan 10 2024', '2024-10']]) {
      expect(at(text).months).toEqual([month]);
    }
  });

  test('words that only look like months are not months', () => {
    expect(at('may I know the rate').months).toEqual([]);
    expect(at('boleh guna mac ke').months).toEqual([]);
    expect(at('dis one how much').months).toEqual([]);
  });
});

describe('dates', () => {
  test.each([
    ['bayar 3 Oktober', ['2025-10-03']],
    ['paid on Oct 3rd', ['2025-10-03']],
    ['3/10/2026', ['2026-10-03']],
    ['2026-10-03', ['2026-10-03']],
    ['bayar 3hb Oktober 2025', ['2025-10-03']],
    ['semalam', ['2025-11-14']],
    ['paid yesterday', ['2025-11-14']],
    ['hari ini', ['2025-11-15']],
    ['today', ['2025-11-15']],
    ['esok', ['2025-11-16']],
  ])('%s -> %j', (text, dates) => {
    expect(at(text).dates).toEqual(dates);
  });

  test('a date without a year is the nearest such day, or the first after the wage month of the message', () => {
    expect(at('bayar 20 Januari').dates).toEqual(['2026-01-20']);
    expect(at('bayar 20 Mei').dates).toEqual(['2025-05-20']);
    expect(at('caruman Ogos 2024, bayar 3 Oktober').dates).toEqual(['2024-10-03']);
    expect(at('RM8,000 caruman bulan Ogos, bayar 3 Oktober', new Date('2026-07-15T02:00:00Z'))).toMatchObject({
      months: ['2025-08'],
      dates: ['2025-10-03'],
    });
  });

  test('a date is not also a month or a wage', () => {
    const r = at('bayar 3 Oktober 2026, gaji 2500');
    expect(r.dates).toEqual(['2026-10-03']);
    expect(r.months).toEqual([]);
    expect(r.wages).toEqual(['2500.00']);
    expect(at('3/10/2026').months).toEqual([]);
    expect(at('2026-10-03').wages).toEqual([]);
  });

  test('an impossible date is no date', () => {
    expect(at('31/2/2026').dates).toEqual([]);
    expect(at('bayar 30 Februari').dates).toEqual([]);
  });

  test('without the moment of the turn a date needs its year', () => {
    expect(at('bayar 3 Oktober', null).dates).toEqual([]);
    expect(at('bayar 3 Oktober', null).months).toEqual([]);
    expect(at('3/10/2026', null).dates).toEqual(['2026-10-03']);
  });
});

describe('days late', () => {
  test.each([
    ['owe 10k, paid 2 weeks late', 14],
    ['lewat 10 hari', 10],
    ['3 hari lewat', 3],
    ['terlewat bayar seminggu', 7],
    ['late by 5 days', 5],
    ['paid two weeks late', 14],
    ['bayar lewat dua puluh hari', 20],
    ['a week late', 7],
    ['caruman lambat 45 hari, berapa faedah', 45],
  ])('%s -> %d', (text, days) => {
    expect(at(text).daysLate).toBe(days);
  });

  test('a delay in months gives no number of days', () => {
    expect(at('late by a month').daysLate).toBeNull();
    expect(at('lewat sebulan').daysLate).toBeNull();
  });

  test('a period without lateness is not a delay, nor an age or a wage', () => {
    expect(at('cuti 3 hari').daysLate).toBeNull();
    expect(at('caruman 3 bulan tertunggak').daysLate).toBeNull();
    const r = at('lewat 10 hari');
    expect(r.ages).toEqual([]);
    expect(r.wages).toEqual([]);
  });
});

describe('late interest from one message', () => {
  test('an amount, a wage month and a payment date', () => {
    expect(at('RM8,000 caruman bulan Ogos, bayar 3 Oktober, berapa faedah?')).toMatchObject({
      wages: ['8000.00'],
      months: ['2025-08'],
      dates: ['2025-10-03'],
      daysLate: null,
    });
  });
  test('an amount and the days late', () => {
    expect(at('owe 10k, paid 2 weeks late')).toMatchObject({ wages: ['10000.00'], daysLate: 14, dates: [] });
  });
});
