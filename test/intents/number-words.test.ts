import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findNumberPhrases, loadNumberWords } from '../../intents/number-words';

const read = (text: string): string[] => findNumberPhrases(text).map((p) => `${text.slice(p.start, p.end)}=${p.value.toString()}`);

describe('numbers in words', () => {
  test.each([
    ['dua ribu tiga ratus', 'dua ribu tiga ratus=2300'],
    ['2 ribu setengah', '2 ribu setengah=2500'],
    ['dua setengah ribu', 'dua setengah ribu=2500'],
    ['two thousand five hundred', 'two thousand five hundred=2500'],
    ['3 ribu 200', '3 ribu 200=3200'],
    ['seribu lapan ratus', 'seribu lapan ratus=1800'],
    ['one thousand eight hundred and fifty', 'one thousand eight hundred and fifty=1850'],
    ['two and a half thousand', 'two and a half thousand=2500'],
    ['lima puluh enam', 'lima puluh enam=56'],
    ['dua belas ribu', 'dua belas ribu=12000'],
    ['seratus lima puluh ribu', 'seratus lima puluh ribu=150000'],
    ['2ribu500', '2ribu500=2500'],
    ['twenty-five', 'twenty-five=25'],
    ['dua ratus setengah', 'dua ratus setengah=250'],
    ['sebelas ribu', 'sebelas ribu=11000'],
    ['a thousand', 'a thousand=1000'],
    ['dua rbu tiga rtus', 'dua rbu tiga rtus=2300'],
    ['two thousnd', 'two thousnd=2000'],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  test('two numbers side by side stay two', () => {
    expect(read('dua ribu tiga ribu')).toEqual(['dua ribu=2000', 'tiga ribu=3000']);
    expect(read('3 ribu dan 2 ribu')).toEqual(['3 ribu=3000', '2 ribu=2000']);
  });

  test('digits alone and ordinary words are not read here', () => {
    expect(read('1500 dan 2300')).toEqual([]);
    expect(read('saya ada satu soalan')).toEqual([]);
    expect(read('which one is it')).toEqual([]);
  });
});

describe('numbers.json is checked when it is read', () => {
  const withFile = (content: unknown): (() => unknown) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numbers-'));
    fs.writeFileSync(path.join(dir, 'numbers.json'), JSON.stringify(content));
    return () => loadNumberWords(dir);
  };
  const side = { values: { satu: 1 }, tens: [], teens: [], multipliers: { ribu: 1000 }, half: [], and: [], aliases: {} };

  test('a valid file loads', () => {
    expect(() => withFile({ ms: side, en: { ...side, values: { one: 1 }, multipliers: { thousand: 1000 } } })()).not.toThrow();
  });
  test('a word listed twice is named', () => {
    expect(withFile({ ms: side, en: side })).toThrow(/numbers\.json.*"satu" is listed twice/);
  });
  test('an alias to an unknown word is named', () => {
    expect(withFile({ ms: { ...side, aliases: { sribu: 'satu ribbu' } }, en: { ...side, values: {}, multipliers: {} } })).toThrow(/alias "sribu": "ribbu"/);
  });
  test('a multiplier must be a power of ten from 100', () => {
    expect(withFile({ ms: { ...side, multipliers: { ribu: 999 } }, en: { ...side, values: {}, multipliers: {} } })).toThrow(/ms\.multipliers\.ribu/);
  });
  test('a missing section is named', () => {
    expect(withFile({ ms: side })).toThrow(/"en" must be an object/);
  });
});
