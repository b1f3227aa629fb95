import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createUnderstander } from '../../intents';
import { LEXICON_DIR, loadLangWords, loadShortforms } from '../../intents/lexicon';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-lexicon-'));
  for (const f of fs.readdirSync(LEXICON_DIR)) if (f.endsWith('.json')) fs.copyFileSync(path.join(LEXICON_DIR, f), path.join(dir, f));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const edit = (name: string, change: (d: Record<string, any>) => void): string => {
  const file = path.join(dir, name);
  const d = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(d);
  fs.writeFileSync(file, JSON.stringify(d));
  return file;
};

describe('lexicon files are validated at start-up', () => {
  test('the shipped files load', () => {
    expect(loadShortforms().tokens.get('camne')).toEqual(['macam', 'mana']);
    expect(loadLangWords().strong.ms).toContain('nak');
  });

  test('a shortform with an empty replacement names the file and the entry', () => {
    const file = edit('shortforms.json', (d) => (d.tokens.nk = ''));
    expect(() => createUnderstander({ lexiconDir: dir })).toThrow(`${file}: "tokens.nk" must be a non-empty string`);
  });

  test('a multi-word shortform key must go under phrases', () => {
    const file = edit('shortforms.json', (d) => (d.tokens['mcm mana'] = 'macam mana'));
    expect(() => loadShortforms(dir)).toThrow(`${file}: "tokens" key "mcm mana" must be one word`);
  });

  test('a word listed for both languages is refused', () => {
    const file = edit('langwords.json', (d) => d.en.words.push('saya'));
    expect(() => loadLangWords(dir)).toThrow(`${file}: "saya" is listed for both ms and en`);
  });

  test('broken JSON names the file', () => {
    const file = path.join(dir, 'topics.json');
    fs.writeFileSync(file, '{ "benefit_claim": [ ');
    expect(() => createUnderstander({ lexiconDir: dir })).toThrow(`${file}: not valid JSON`);
  });

  test('a new shortform takes effect', () => {
    edit('shortforms.json', (d) => (d.tokens.pwdd = 'password'));
    const u = createUnderstander({ lexiconDir: dir });
    expect(u.understand('lupa pwdd').normalised).toBe('lupa password');
  });
});
