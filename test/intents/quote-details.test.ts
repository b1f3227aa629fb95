import { extractEntities } from '../../intents/entities';

const e = (text: string) => extractEntities(text, new Date('2025-11-15T02:00:00Z'));

describe('LINDUNG 24 Jam opt-out said in passing', () => {
  test.each([
    ['pekerja dah tarik diri', true],
    ['dah tarik diri LINDUNG, gaji 2500', true],
    ['tarik diri LINDUNG', true],
    ['staff opt out lindung 24 jam', true],
    ['she opted out of SKBBK, salary 3000', true],
    ['dah keluar LINDUNG', true],
    ['dah hantar notis pelepasan', true],
    ['tak nak LINDUNG', true],
    ['taknak lindung 24jam', true],
    ['without lindung 24 jam pls', true],
    ['berapa caruman kalau pekerja tarik diri', true],
    ['how much if he opted out', true],
    ['tak tarik diri', false],
    ['belum tarik diri lagi', false],
    ['not opted out', false],
    ['he has not opted out', false],
    ['masih dalam LINDUNG', false],
    ['kira termasuk lindung 24 jam', false],
    ['gaji 2500', null],
    ['apa tu lindung 24 jam', null],
  ])('%s -> %s', (text, value) => {
    expect(e(text).skbbkOptOut).toBe(value);
  });

  test('a question about how to opt out is not a fact about this worker (it is for the LINDUNG intent)', () => {
    for (const q of ['macam mana nak tarik diri?', 'how to opt out of lindung 24 jam', 'pekerja asing boleh tarik diri ke?', 'can my worker opt out?', 'tarik diri macam mana', 'opt out form which one?', 'bila boleh tarik diri']) {
      expect([q, e(q).skbbkOptOut]).toEqual([q, null]);
    }
  });
});

describe('age first insured', () => {
  test.each([
    ['first job at 57', 57],
    ['brp caruman utk staff gaji 1,850 umur 57 baru first keje', 57],
    ['first insured at 56', 56],
    ['his first time working at 60, gaji 2000', 60],
    ['belum pernah daftar PERKESO, umur 56', 56],
    ['never registered with socso before, 58 years old', 58],
    ['mula carum umur 58', 58],
    ['baru pertama kali kerja umur 60', 60],
    ['pertama kali daftar perkeso pada umur 55', 55],
    ['pekerja baru, gaji RM 1,700, umur 57, first job', 57],
  ])('%s -> %d', (text, age) => {
    expect(e(text).firstInsuredAge).toBe(age);
  });

  test('an age alone, or never registered without an age, says nothing about the first insurance', () => {
    expect(e('umur 56 gaji 2000').firstInsuredAge).toBeNull();
    expect(e('belum pernah daftar PERKESO').firstInsuredAge).toBeNull();
    expect(e('first job, gaji 2500').firstInsuredAge).toBeNull();
  });
});

describe('foreign or local', () => {
  test.each([
    ['warga indonesia gaji 1800', true],
    ['pekerja bangla 1500', true],
    ['staff indon', true],
    ['foreign maid', true],
    ['3.2k, she is 58 and foreign', true],
    ["he's foreign, gaji 2000", true],
    ['foreign exchange rate', null],
    ['nepali workers', true],
    ['warga india', true],
    ['my maid from indonesia, salary 1500', true],
    ['PR, gaji 3000', false],
    ['permanent resident', false],
    ['local staff', false],
    ['orang malaysia', false],
    ['bukan pekerja asing', false],
    ['not a foreigner', false],
    ['pekerja india gaji 2000', null],
    ['pekerja cina', null],
  ])('%s -> %s', (text, foreign) => {
    expect(e(text).foreign).toBe(foreign);
  });
});

describe('corrections', () => {
  test.each([
    ['opps salah, 3200 sebenarnya', ['3200.00']],
    ['silap, gaji 3200', ['3200.00']],
    ['sorry typo, 3200', ['3200.00']],
    ['I meant 3200', ['3200.00']],
    ['should be RM3,200', ['3200.00']],
    ['bukan 2300, 3200', ['3200.00']],
    ['not 2300, 3200', ['3200.00']],
    ['2300 tu salah, 3200', ['3200.00']],
    ['gaji 2300 patut 3200', ['3200.00']],
    ['actually 3200', ['3200.00']],
    ['sebenarnya gaji dia 3.2k', ['3200.00']],
  ])('%s -> correction, wages %j', (text, wages) => {
    const r = e(text);
    expect(r.correction).toBe(true);
    expect(r.wages).toEqual(wages);
    expect(r.workers).toEqual([]);
  });

  test('a correction without a number is still a correction', () => {
    expect(e('opps salah').correction).toBe(true);
    expect(e('sorry typo').correction).toBe(true);
  });

  test('ordinary messages are not corrections', () => {
    expect(e('password salah').correction).toBe(false);
    expect(e('sebenarnya saya nak tanya pasal portal').correction).toBe(false);
    expect(e('sorry nak tanya').correction).toBe(false);
    expect(e('gaji 3200').correction).toBe(false);
    expect(e('how much should be deducted from a RM5,500 salary').correction).toBe(false);
    expect(e('berapa sepatutnya caruman untuk gaji 3000').correction).toBe(false);
    // a year is not read as a wage, even in a correction
    expect(e('sebenarnya untuk tahun 2024').wages).toEqual([]);
  });
});
