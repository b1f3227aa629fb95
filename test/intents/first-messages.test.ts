// The fresh first-message set (test/intents/fixtures/first-messages.jsonl) is measuring material: its shape is
// what issue 11 asks for, and none of its lines (nor the stories' user turns) may be copied into the training data.
import * as fs from 'fs';
import * as path from 'path';
import { loadTrainingData } from '../../intents/training-data';
import { INTENT_IDS } from '../../intents/ids';
import { loadStories } from '../stories/run-stories';

interface Line {
  text: string;
  intent: string;
  lang: string;
  words: number;
  no_wage?: boolean;
}

const FILE = path.join(__dirname, 'fixtures', 'first-messages.jsonl');
const lines: Line[] = fs
  .readFileSync(FILE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    try {
      return JSON.parse(l) as Line;
    } catch {
      throw new Error(`${FILE}:${i + 1}: not JSON`);
    }
  });

// Only lines of 5+ words: "hi" or "nak cakap dengan pegawai" are bound to be in any training set on their own merit.
const key = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const copyable = (t: string): boolean => key(t).split(' ').length >= 5;

test('every line has text, a known intent, a language and its word count', () => {
  const known = new Set<string>([...INTENT_IDS, 'lindung_24jam']);
  const bad = lines.filter(
    (l) => !l.text?.trim() || !known.has(l.intent) || !['ms', 'en', 'mixed'].includes(l.lang) || l.words !== l.text.trim().split(/\s+/).length,
  );
  expect(bad).toEqual([]);
  expect(new Set(lines.map((l) => key(l.text))).size).toBe(lines.length);
});

test('the set is shaped as issue 11 asks: 400+ lines, a third of 1-3 words, 40+ quotes without a wage, every intent', () => {
  expect(lines.length).toBeGreaterThanOrEqual(400);
  expect(lines.filter((l) => l.words <= 3).length).toBeGreaterThanOrEqual(lines.length / 3);
  expect(lines.filter((l) => l.intent === 'contribution_quote' && l.no_wage === true).length).toBeGreaterThanOrEqual(40);
  for (const lang of ['ms', 'en', 'mixed']) expect(lines.filter((l) => l.lang === lang).length).toBeGreaterThanOrEqual(lines.length / 4);
  expect(new Set(lines.map((l) => l.intent))).toEqual(new Set([...INTENT_IDS, 'lindung_24jam']));
});

test('no fresh line and no story turn of 5+ words is in the training data', () => {
  const trained = new Set(loadTrainingData().map((e) => key(e.text)));
  const turns = loadStories().flatMap((c) => c.stories.flatMap((s) => s.steps.map((st) => st.user)));
  const copied = [...lines.map((l) => l.text), ...turns].filter((t) => copyable(t) && trained.has(key(t)));
  expect(copied).toEqual([]);
});
