import { extractEntities } from '../../intents/entities';

const e = extractEntities;

describe('wages', () => {
  test.each([
    ['RM2,500', '2500.00'],
    ['rm2500', '2500.00'],
    ['2.5k', '2500.00'],
    ['rm 3k', '3000.00'],
    ['RM3K sebulan', '3000.00'],
    ['1800 ringgit', '1800.00'],
    ['gaji 4 ribu', '4000.00'],
    ['RM1,750.50', '1750.50'],
    ['RM 2 500', '2500.00'],
    ['RM2.5k', '2500.00'],
    ['1.5 ribu', '1500.00'],
    ['MYR 2,100', '2100.00'],
    ['gaji 5500, berapa', '5500.00'],
    ['my worker earns 1800 a month', '1800.00'],
    ['salary of 3200', '3200.00'],
    ['brp socso utk gaji 2.5k', '2500.00'],
    ['foreign worker 2000 salary', '2000.00'],
    ['bayar 3500 sebulan', '3500.00'],
  ])('%s -> %s', (text, wage) => {
    expect(e(text).wages).toEqual([wage]);
  });

  test('numbers that are not wages are not taken as wages', () => {
    expect(e('caruman 3 bulan tertunggak').wages).toEqual([]);
    expect(e('saya ada 5 pekerja').wages).toEqual([]);
    expect(e('umur 62 tahun').wages).toEqual([]);
    expect(e('bulan 10 2024').wages).toEqual([]);
    expect(e('gaji pekerja umur 45').wages).toEqual([]);
    expect(e('IC 900101-14-5673').wages).toEqual([]);
  });

  test('several wages in one message', () => {
    expect(e('RM1,800 and RM2,500').wages).toEqual(['1800.00', '2500.00']);
  });
});

describe('ages', () => {
  test.each([
    ['umur 62', 62],
    ['62 tahun', 62],
    ['aged 45', 45],
    ['62yo', 62],
    ['he is 58 years old', 58],
    ['pekerja berumur 61 gaji RM2,300', 61],
    ['my worker is 62 and earns 1800, how much', 62],
    ['pekerja sy dah 61 gaji 2500', 61],
    ["she's 58, 3000 sebulan", 58],
  ])('%s -> %d', (text, age) => {
    expect(e(text).ages).toEqual([age]);
  });

  test('periods and counts are not ages', () => {
    expect(e('2 tahun lepas').ages).toEqual([]);
    expect(e('dah 10 tahun kerja').ages).toEqual([]);
    expect(e('ada 3 pekerja').ages).toEqual([]);
    expect(e('staff is 30 people').ages).toEqual([]);
    expect(e('pekerja sy dah 61 gaji 2500').wages).toEqual(['2500.00']);
  });
});

describe('months', () => {
  test.each([
    ['Oct 2024', '2024-10'],
    ['October 2024', '2024-10'],
    ['10/2024', '2024-10'],
    ['bulan 10 2024', '2024-10'],
    ['Jun 2026', '2026-06'],
    ['2024-10', '2024-10'],
    ['Ogos 2025', '2025-08'],
    ['caruman Disember 2024', '2024-12'],
  ])('%s -> %s', (text, month) => {
    expect(e(text).months).toEqual([month]);
  });

  test('a full date or an invalid month is not a wage month', () => {
    expect(e('13/2024').months).toEqual([]);
  });
});

describe('identifiers and contacts', () => {
  test('employer codes are uppercased', () => {
    expect(e('kod majikan a3100001237x').employerCodes).toEqual(['A3100001237X']);
    expect(e('B3901000913X and E2303381K').employerCodes).toEqual(['B3901000913X']);
  });

  test('MyKad numbers come out as 12 digits', () => {
    expect(e('IC saya 900101-14-5673').mykads).toEqual(['900101145673']);
    expect(e('ic 900101 14 5673').mykads).toEqual(['900101145673']);
    expect(e('no kp 900101145673').mykads).toEqual(['900101145673']);
  });

  test('e-mail, phone and web addresses', () => {
    const r = e('emel ali@contoh.com.my, tel 012-345 6789 atau +60 3-8091 5000, careline 1-300-22-8000, lihat https://assist.perkeso.gov.my.');
    expect(r.emails).toEqual(['ali@contoh.com.my']);
    expect(r.phones).toEqual(['0123456789', '+60380915000', '1300228000']);
    expect(r.urls).toEqual(['https://assist.perkeso.gov.my']);
  });
});

describe('flags', () => {
  test.each([
    ['pekerja asing gaji 2000', true],
    ['foreign worker', true],
    ['warga asing', true],
    ['pekerja tempatan', false],
    ['local staff', false],
    ['warganegara', false],
    ['pekerja saya', null],
  ])('foreign: %s -> %s', (text, foreign) => {
    expect(e(text).foreign).toBe(foreign);
  });

  test.each([
    ['KWSP majikan berapa', 'kwsp'],
    ['EPF rate', 'kwsp'],
    ['PCB bulan ni', 'lhdn'],
    ['income tax', 'lhdn'],
    ['HRD Corp levy', 'hrdcorp'],
    ['HRDF', 'hrdcorp'],
    ['renew SSM', 'ssm'],
    ['caruman perkeso', null],
  ])('agency: %s -> %s', (text, agency) => {
    expect(e(text).agency).toBe(agency);
  });

  test.each([
    ['password saya Abc123!', true],
    ['pw: xxxx', true],
    ['kata laluan sy Rahsia99', true],
    ['my password is hunter22', true],
    ['lupa password saya', false],
    ['password saya tak boleh guna', false],
    ['my password is wrong', false],
  ])('looksLikePassword: %s -> %s', (text, flag) => {
    expect(e(text).looksLikePassword).toBe(flag);
  });

  test('a bank account number needs a bank word nearby', () => {
    expect(e('akaun maybank 1234 5678 9012').bankAccount).toBe(true);
    expect(e('bank account no 1620-1234-5678').bankAccount).toBe(true);
    expect(e('nombor 1620 1234 5678').bankAccount).toBe(false);
  });
});
