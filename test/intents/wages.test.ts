import { extractEntities } from '../../intents/entities';

const wages = (text: string): string[] => extractEntities(text).wages;

describe('wages in words and shorthand', () => {
  test.each([
    ['gaji dua ribu tiga ratus', '2300.00'],
    ['staff saya gaji 2 ribu setengah', '2500.00'],
    ['dua setengah ribu sebulan', '2500.00'],
    ['salary two thousand five hundred', '2500.00'],
    ['brp socso 2.5k', '2500.00'],
    ['kira caruman 3.2k', '3200.00'],
    ['RM3,200.50', '3200.50'],
    ['gaji 3 ribu 200', '3200.00'],
    ['seribu lapan ratus', '1800.00'],
    ['her pay is one thousand eight hundred and fifty', '1850.00'],
    ['rm dua ribu', '2000.00'],
    ['gaji 2k5', '2500.00'],
    ['gaji dua rbu tiga rtus', '2300.00'],
  ])('%s -> %s', (text, wage) => {
    expect(wages(text)).toEqual([wage]);
  });

  test('counts, ages and periods in words or digits are not wages', () => {
    expect(wages('berapa nak bayar perkeso bulan ni untuk 2 orang staff')).toEqual([]);
    expect(wages('dua orang staff')).toEqual([]);
    expect(wages('umur 56')).toEqual([]);
    expect(wages('umur lima puluh enam')).toEqual([]);
    expect(wages('lewat 3 hari')).toEqual([]);
    expect(wages('paid 2 weeks late')).toEqual([]);
    expect(wages('seratus orang pekerja')).toEqual([]);
    expect(wages('dua ratus tahun')).toEqual([]);
  });

  test('numbers inside MyKad, phone and employer codes are not wages', () => {
    expect(wages('IC 900101-14-5673 gaji 2000')).toEqual(['2000.00']);
    expect(wages('tel 012-345 6789, kod A3100001237X')).toEqual([]);
  });
});

describe('several amounts in one message, in text order', () => {
  test.each([
    ['gaji 1500 dan 2300', ['1500.00', '2300.00']],
    ['3 pekerja gaji 1800, 2500 dan 4000', ['1800.00', '2500.00', '4000.00']],
    ['4 staff: 1.2k, 3k, 7.5k, 2.2k', ['1200.00', '3000.00', '7500.00', '2200.00']],
    ['Ahmad 2,100 umur 30, Ravi 2,650 umur 62', ['2100.00', '2650.00']],
    ['RM1,800 and RM2,500', ['1800.00', '2500.00']],
    ['gaji 2000 dan 2000', ['2000.00', '2000.00']],
  ])('%s', (text, expected) => {
    expect(wages(text)).toEqual(expected);
  });

  test('a list does not run into ages, counts or months', () => {
    expect(wages('gaji 1800, 25 tahun')).toEqual(['1800.00']);
    expect(wages('gaji 1800 dan 3 orang lagi')).toEqual(['1800.00']);
    expect(extractEntities('gaji 1800, 10/2024').months).toEqual(['2024-10']);
  });

  test('one name and an amount is not yet a list (the core reads a lone number)', () => {
    expect(wages('Jalan 2000')).toEqual([]);
  });
});

describe('bare amounts read as money by their context', () => {
  const now = new Date('2026-12-04T10:00:00+08:00');
  test.each([
    ['socso for 3000', ['3000.00']],
    ['caruman 2000 bulan 10/2026', ['2000.00']],
    ['gaji 2500 bulan lepas', ['2500.00']],
    ['gaji 2200, staff dah hantar notis', ['2200.00']],
    ['gaji 3000 pekerja', ['3000.00']],
    ['2500 for a worker aged 65', ['2500.00']],
    ['kira socso untuk 2 staff: 2000 dan 3000', ['2000.00', '3000.00']],
    ['socso for Oct 2024: 2500 and 3200', ['2500.00', '3200.00']],
  ])('%s', (text, wages) => {
    expect(extractEntities(text, now).wages).toEqual(wages);
  });

  test.each(['socso 2024', 'socso table 2024', 'gaji 12 bulan', 'kira socso untuk 300 pekerja', 'max gaji socso 6000 ke', 'caruman tahun 2025'])(
    'not a wage: %s',
    (text) => {
      expect(extractEntities(text, now).wages).toEqual([]);
    },
  );

  test('a month name before a capitalised word is a name, not a wage month', () => {
    const e = extractEntities('Ah Kow 3,000 umur 58 dan Mei Ling 2,000 umur 24', now);
    expect(e.months).toEqual([]);
    expect(e.workers.map((w) => w.name)).toEqual(['Ah Kow', 'Mei Ling']);
  });

  test('a correction gives one wage, not two workers', () => {
    expect(extractEntities('gaji 2300, eh salah, 3200', now).workers).toEqual([]);
  });
});
