// Every conversation story in test/stories/*.yaml, each as its own test, through the real turn function with
// the real understander and knowledge base. Classes listed in pending.yaml (features still being built) are
// reported as skipped with their reason; `npm run eval -- --stories` still scores them.
import { createCoreDeps } from '../../bot/app';
import {
  describeFailure,
  loadPending,
  loadStories,
  mentions,
  OTHER_GATES,
  runStory,
  StoryFileError,
  validateStoryFile,
  type StoryResult,
} from './run-stories';

const classes = loadStories();
const pending = loadPending();
const deps = createCoreDeps();

function explain(r: StoryResult): string {
  return `${describeFailure(r)}\n--- the bot said:\n${r.replies ?? '(nothing)'}`;
}

test('pending.yaml names only story classes (or other gated suites) that exist', () => {
  const names = new Set([...classes.map((c) => c.name), ...OTHER_GATES]);
  expect([...pending.keys()].filter((c) => !names.has(c))).toEqual([]);
});

for (const cls of classes) {
  const reason = pending.get(cls.name);
  describe(`stories: ${cls.name}`, () => {
    if (reason !== undefined) {
      for (const story of cls.stories) test.skip(`[pending: ${reason}] ${story.story}`, () => undefined);
      // Even before the feature lands, no message of these stories may crash a turn.
      test(`pending class ${cls.name}: no turn throws`, () => {
        const thrown = cls.stories.map((s) => runStory(deps, s)).filter((r) => r.reasons.some((x) => x.startsWith('the turn threw')));
        expect(thrown.map(describeFailure)).toEqual([]);
      });
      return;
    }
    for (const story of cls.stories) {
      test(story.story, () => {
        const r = runStory(deps, story);
        if (!r.ok) throw new Error(explain(r));
      });
    }
  });
}

describe('story files are checked with a clear error', () => {
  const bad = (doc: unknown) => () => validateStoryFile(doc, 'x.yaml');

  test('a step without "user"', () => {
    expect(bad({ stories: [{ story: 'a', steps: [{ says: ['x'] }] }] })).toThrow(StoryFileError);
    expect(bad({ stories: [{ story: 'a', steps: [{ says: ['x'] }] }] })).toThrow(/story 1 \("a"\), step 1: missing "user"/);
  });

  test('an unknown key in a step or a story', () => {
    expect(bad({ stories: [{ story: 'a', steps: [{ user: 'hi', say: ['x'] }] }] })).toThrow(/unknown key "say"/);
    expect(bad({ stories: [{ story: 'a', when: 'x', steps: [{ user: 'hi' }] }] })).toThrow(/unknown key "when"/);
  });

  test('an unknown intent or form, a bad clock, a repeated name', () => {
    expect(bad({ stories: [{ story: 'a', steps: [{ user: 'hi', intent: 'greetings' }] }] })).toThrow(/unknown intent "greetings"/);
    expect(bad({ stories: [{ story: 'a', steps: [{ user: 'hi', form: 'quote' }] }] })).toThrow(/form must be null or one of/);
    expect(bad({ stories: [{ story: 'a', now: '2026-12-04', steps: [{ user: 'hi' }] }] })).toThrow(/"now" must be an ISO date-time/);
    expect(bad({ stories: [{ story: 'a', steps: [{ user: 'hi' }] }, { story: 'a', steps: [{ user: 'yo' }] }] })).toThrow(/used twice/);
  });

  test('a valid story gets the default clock and its class from the file name', () => {
    const [s] = validateStoryFile({ stories: [{ story: 'a', steps: [{ user: 2500, form: null, says_any: ['x', 'y'] }] }] }, '/d/quote_no_wage.yaml');
    expect(s).toMatchObject({ cls: 'quote_no_wage', now: '2026-12-04T10:00:00+08:00', steps: [{ user: '2500', form: null, says_any: [['x', 'y']] }] });
  });
});

describe('amounts are matched as numbers', () => {
  test('with or without a thousands separator, never inside a longer number', () => {
    expect(mentions('Jumlah: RM1,234.50', '1234.50')).toBe(true);
    expect(mentions('Jumlah: RM1234.50', '1234.50')).toBe(true);
    expect(mentions('RM112.25', '12.25')).toBe(false);
    expect(mentions('RM12.255', '12.25')).toBe(false);
    expect(mentions('RM12.25.', '12.25')).toBe(true);
    expect(mentions('Bulan Upah', 'bulan upah')).toBe(true);
  });
});
