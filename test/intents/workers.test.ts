import { extractEntities } from '../../intents/entities';

const e = (text: string) => extractEntities(text, new Date('2025-11-15T02:00:00Z'));
const w = (name: string | null, wage: string, age: number | null = null, foreign: boolean | null = null) => ({ name, wage, age, foreign });

describe('several workers in one line', () => {
  test('4 staff: 1.2k, 3k, 7.5k, 2.2k', () => {
    expect(e('4 staff: 1.2k, 3k, 7.5k, 2.2k').workers).toEqual([w(null, '1200.00'), w(null, '3000.00'), w(null, '7500.00'), w(null, '2200.00')]);
  });

  test('each name and age stays with its own wage', () => {
    expect(e('Ahmad 2,100 umur 30, Ravi 2,650 umur 62').workers).toEqual([w('Ahmad', '2100.00', 30), w('Ravi', '2650.00', 62)]);
    expect(e('umur 30 gaji 2100, umur 62 gaji 2650').workers).toEqual([w(null, '2100.00', 30), w(null, '2650.00', 62)]);
    expect(e('Siti Aminah RM2,100 (local), Budi RM1,800 warga indonesia').workers).toEqual([
      w('Siti Aminah', '2100.00', null, false),
      w('Budi', '1800.00', null, true),
    ]);
    expect(e('ali 1800 umur 25 dan muthu 2500 umur 61').workers).toEqual([w('ali', '1800.00', 25), w('muthu', '2500.00', 61)]);
  });

  test('a name before each amount, whatever rule reads the amount (shorthand, thousands comma, "dan")', () => {
    expect(e('how much socso for my 3 staff: Ali 1800, Siti 2,650 age 62, Raju 7k').workers).toEqual([
      w('Ali', '1800.00'),
      w('Siti', '2650.00', 62),
      w('Raju', '7000.00'),
    ]);
    expect(e('socso utk Ali 1800 dan Siti 2650').workers).toEqual([w('Ali', '1800.00'), w('Siti', '2650.00')]);
    expect(e('ali gaji 1800, siti gaji 2650 umur 62').workers).toEqual([w('ali', '1800.00'), w('siti', '2650.00', 62)]);
    expect(e('Ali earns 1800 and Siti earns 2650').workers).toEqual([w('Ali', '1800.00'), w('Siti', '2650.00')]);
  });

  test('amounts after a wage word', () => {
    expect(e('gaji 1500 dan 2300').workers).toEqual([w(null, '1500.00'), w(null, '2300.00')]);
    expect(e('3 pekerja gaji 1800, 2500 dan 4000').workers).toEqual([w(null, '1800.00'), w(null, '2500.00'), w(null, '4000.00')]);
    expect(e('kerani 1800, pemandu 2000').workers).toEqual([w('kerani', '1800.00'), w('pemandu', '2000.00')]);
  });

  test('one wage or a count without wages gives no workers', () => {
    expect(e('gaji 2500 umur 30').workers).toEqual([]);
    expect(e('berapa nak bayar perkeso bulan ni untuk 2 orang staff').workers).toEqual([]);
    expect(e('untuk 2 orang staff').workers).toEqual([]);
  });
});

describe('a pasted list of lines', () => {
  test('with a header, comma separated, thousands commas kept whole', () => {
    const text = 'nama, gaji, umur\nAhmad, 2,100, 30\nRavi, 2650, 62\nMei Ling, RM3,000.50, 45';
    const r = e(text);
    expect(r.workers).toEqual([w('Ahmad', '2100.00', 30), w('Ravi', '2650.00', 62), w('Mei Ling', '3000.50', 45)]);
    expect(r.wages).toEqual(['2100.00', '2650.00', '3000.50']);
  });

  test('header in another order, tab separated, with a citizenship column', () => {
    const text = 'Umur\tNama\tGaji\tWarganegara\n30\tAhmad\t2100\tYa\n41\tBudi\t1800\tTidak';
    expect(e(text).workers).toEqual([w('Ahmad', '2100.00', 30, false), w('Budi', '1800.00', 41, true)]);
  });

  test('no header, semicolons, a nationality field and a list marker', () => {
    const text = 'kira socso staff sy:\n1. Ahmad; 2100; 30; Malaysia\n2. Budi; 1800; 41; Indonesia\n3. Chong; 3.5k; 58';
    expect(e(text).workers).toEqual([w('Ahmad', '2100.00', 30, false), w('Budi', '1800.00', 41, true), w('Chong', '3500.00', 58)]);
  });

  test('lines without separators are read like one line', () => {
    expect(e('Ahmad 2100 umur 30\nRavi 2650 umur 62').workers).toEqual([w('Ahmad', '2100.00', 30), w('Ravi', '2650.00', 62)]);
  });

  test('sixty lines: every one is kept (the core decides what to do past 50)', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Worker${String.fromCharCode(65 + (i % 26))}${i}, ${1500 + i * 10}, ${20 + (i % 40)}`);
    const r = e(['name, salary, age', ...lines].join('\n'));
    expect(r.workers).toHaveLength(60);
    expect(r.workers[59]).toEqual(w('WorkerH59', '2090.00', 39));
  });
});
