import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createUnderstander } from '../../intents';
import { DEFAULT_DATA_DIR, loadTrainingData } from '../../intents/training-data';
import { sharedFile } from '../helpers/shared';

let dir: string;

function writeIntent(name: string, content: unknown): string {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-intents-'));
  for (const f of fs.readdirSync(DEFAULT_DATA_DIR)) fs.copyFileSync(path.join(DEFAULT_DATA_DIR, f), path.join(dir, f));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('training data validation', () => {
  test('the shipped data loads: every intent, every language', () => {
    const ex = loadTrainingData();
    expect(new Set(ex.map((e) => e.intent)).size).toBe(25);
    expect(new Set(ex.map((e) => e.lang))).toEqual(new Set(['ms', 'en', 'mixed']));
  });

  test('an unknown intent id names the file', () => {
    const file = writeIntent('greeting', { intent: 'greetings', ms: ['hai'], en: ['hi'], mixed: ['hai there'] });
    expect(() => createUnderstander({ dataDir: dir })).toThrow(`${file}: unknown intent id "greetings"`);
  });

  test('a missing language key names the file and the key', () => {
    const file = writeIntent('thanks', { intent: 'thanks', ms: ['terima kasih'], en: ['thank you'] });
    expect(() => loadTrainingData(dir)).toThrow(`${file}: missing language key "mixed"`);
  });

  test('an empty line names the file and the position', () => {
    const file = writeIntent('goodbye', { intent: 'goodbye', ms: ['jumpa lagi', '  '], en: ['bye'], mixed: ['bye dulu'] });
    expect(() => loadTrainingData(dir)).toThrow(`${file}: "ms"[1] is an empty line`);
  });

  test('a duplicate line, also across files, names both places', () => {
    const file = writeIntent('goodbye', { intent: 'goodbye', ms: ['jumpa lagi'], en: ['bye'], mixed: ['Selamat Pagi'] });
    expect(() => loadTrainingData(dir)).toThrow(/duplicate line "(Selamat Pagi|selamat pagi)"/i);
    expect(() => loadTrainingData(dir)).toThrow(/goodbye\.json|greeting\.json/);
    void file;
  });

  test('invalid JSON names the file', () => {
    const file = writeIntent('guides', '{"intent": "guides", "ms": [');
    expect(() => loadTrainingData(dir)).toThrow(`${file}: not valid JSON`);
  });

  test('a file named for another intent is refused', () => {
    const file = writeIntent('guides', { intent: 'thanks', ms: ['a'], en: ['b'], mixed: ['c'] });
    expect(() => loadTrainingData(dir)).toThrow(`${file}: "intent" is "thanks" but the file is named for "guides"`);
  });

  test('an intent without any data is refused', () => {
    fs.rmSync(path.join(dir, 'guides.json'));
    expect(() => loadTrainingData(dir)).toThrow('no training data for intent(s) guides');
  });
});

describe('training data stays apart from the evaluation set', () => {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();
  test('no training line of three words or more repeats a dev-set line', () => {
    const devLines = new Set(
      fs
        .readFileSync(sharedFile('eval', 'dev_utterances.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => norm((JSON.parse(l) as { text: string }).text)),
    );
    const copied = loadTrainingData()
      .filter((e) => norm(e.text).split(' ').length > 2 && devLines.has(norm(e.text)))
      .map((e) => `${path.basename(e.file)}: ${e.text}`);
    expect(copied).toEqual([]);
  });
});
