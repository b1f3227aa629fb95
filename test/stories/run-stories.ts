// Conversation stories (Rasa-test-story style): YAML files of user turns with what a user would notice in
// each reply. Loaded and validated here, and run through the real pure turn function, so that jest
// (stories.test.ts) and `npm run eval -- --stories` score exactly the same thing.
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { runTurn, type CoreDeps } from '../../bot/core/turn';
import type { ConversationState, Reply } from '../../bot/core/types';
import { INTENT_IDS } from '../../intents/ids';
import { ESCALATION_FORM_ID } from '../../bot/core/forms/escalation';
import { LATE_INTEREST_FORM_ID } from '../../bot/core/forms/late-interest';

export const STORIES_DIR = __dirname;
export const PENDING_FILE = path.join(__dirname, 'pending.yaml');
/** The moment turns run at when a story names none: wage month 2026-12, LINDUNG 24 Jam in force. */
export const DEFAULT_NOW = '2026-12-04T10:00:00+08:00';
/** Names pending.yaml may hold besides story classes: other gated suites (test/knowledge/suggested-phrases.test.ts). */
export const OTHER_GATES = ['suggested_phrases'];

export interface StoryStep {
  user: string;
  /** The turn's meta.intent must equal this. */
  intent?: string;
  /** state.form?.id after the turn; null = no form under way. */
  form?: string | null;
  /** Each must appear (case-insensitive) in the turn's replies. */
  says?: string[];
  /** None may appear. */
  not_says?: string[];
  /** Each group: at least one of its phrases must appear (wording that may come in either language). */
  says_any?: string[][];
}

export interface Story {
  story: string;
  now: string;
  steps: StoryStep[];
  /** The class the story belongs to: its file name without .yaml. */
  cls: string;
  file: string;
}

export interface StoryClass {
  name: string;
  file: string;
  stories: Story[];
}

export interface StoryResult {
  story: Story;
  ok: boolean;
  /** 1-based number of the first failing step. */
  failedStep?: number;
  user?: string;
  /** Why the step failed, one line per expectation missed. */
  reasons: string[];
  /** What the bot said at the failing step (for the report). */
  replies?: string;
}

export class StoryFileError extends Error {}

const STORY_KEYS = new Set(['story', 'now', 'steps']);
const STEP_KEYS = new Set(['user', 'intent', 'form', 'says', 'not_says', 'says_any']);
// lindung_24jam is in ../shared/intents.json; it joins INTENT_IDS when its intent lands.
const KNOWN_INTENTS = new Set<string>([...INTENT_IDS, 'lindung_24jam', 'quote_wage', LATE_INTEREST_FORM_ID, ESCALATION_FORM_ID]);
const KNOWN_FORMS = new Set<string>(['quote_wage', LATE_INTEREST_FORM_ID, ESCALATION_FORM_ID]);

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new StoryFileError(`${where}: must be a non-empty list of strings`);
  return value.map((v, i) => {
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || v.trim() === '') throw new StoryFileError(`${where}[${i}]: must be a non-empty string`);
    return v;
  });
}

function validateStep(raw: unknown, where: string): StoryStep {
  if (!isRecord(raw)) throw new StoryFileError(`${where}: a step must be a mapping with at least "user"`);
  for (const k of Object.keys(raw)) {
    if (!STEP_KEYS.has(k)) throw new StoryFileError(`${where}: unknown key "${k}" (allowed: ${[...STEP_KEYS].join(', ')})`);
  }
  if (raw.user === undefined || raw.user === null) throw new StoryFileError(`${where}: missing "user" (what the user types)`);
  if (typeof raw.user !== 'string' && typeof raw.user !== 'number') throw new StoryFileError(`${where}: "user" must be text`);
  const step: StoryStep = { user: String(raw.user) };
  if (raw.intent !== undefined) {
    if (typeof raw.intent !== 'string' || !KNOWN_INTENTS.has(raw.intent)) throw new StoryFileError(`${where}: unknown intent "${String(raw.intent)}"`);
    step.intent = raw.intent;
  }
  if (raw.form !== undefined) {
    if (raw.form !== null && (typeof raw.form !== 'string' || !KNOWN_FORMS.has(raw.form))) {
      throw new StoryFileError(`${where}: form must be null or one of ${[...KNOWN_FORMS].join(', ')}, not "${String(raw.form)}"`);
    }
    step.form = raw.form;
  }
  if (raw.says !== undefined) step.says = stringList(raw.says, `${where}.says`);
  if (raw.not_says !== undefined) step.not_says = stringList(raw.not_says, `${where}.not_says`);
  if (raw.says_any !== undefined) {
    const groups = Array.isArray(raw.says_any) && raw.says_any.every((g) => Array.isArray(g)) ? raw.says_any : [raw.says_any];
    step.says_any = groups.map((g, i) => stringList(g, `${where}.says_any[${i}]`));
  }
  return step;
}

/** Validates one parsed story file; throws StoryFileError naming the file, story and step. */
export function validateStoryFile(doc: unknown, file: string): Story[] {
  const cls = path.basename(file).replace(/\.ya?ml$/, '');
  if (!isRecord(doc) || !Array.isArray(doc.stories)) throw new StoryFileError(`${file}: expected a mapping with a "stories:" list`);
  const extra = Object.keys(doc).filter((k) => k !== 'stories');
  if (extra.length) throw new StoryFileError(`${file}: unknown top-level key "${extra[0]}"`);
  const names = new Set<string>();
  return doc.stories.map((raw, i) => {
    const where = `${file}: story ${i + 1}`;
    if (!isRecord(raw)) throw new StoryFileError(`${where}: must be a mapping`);
    for (const k of Object.keys(raw)) {
      if (!STORY_KEYS.has(k)) throw new StoryFileError(`${where}: unknown key "${k}" (allowed: ${[...STORY_KEYS].join(', ')})`);
    }
    if (typeof raw.story !== 'string' || raw.story.trim() === '') throw new StoryFileError(`${where}: missing "story" (its name)`);
    if (names.has(raw.story)) throw new StoryFileError(`${where}: the name "${raw.story}" is used twice`);
    names.add(raw.story);
    const now = raw.now === undefined ? DEFAULT_NOW : raw.now;
    if (typeof now !== 'string' || Number.isNaN(Date.parse(now)) || !/(?:[zZ]|[+-]\d\d:\d\d)$/.test(now)) {
      throw new StoryFileError(`${where} ("${raw.story}"): "now" must be an ISO date-time with its offset, like ${DEFAULT_NOW}`);
    }
    if (!Array.isArray(raw.steps) || raw.steps.length === 0) throw new StoryFileError(`${where} ("${raw.story}"): "steps" must be a non-empty list`);
    const steps = raw.steps.map((s, j) => validateStep(s, `${where} ("${raw.story}"), step ${j + 1}`));
    return { story: raw.story, now, steps, cls, file };
  });
}

/** Every story file of the folder (one class per file), sorted by class name. pending.yaml is not a story file. */
export function loadStories(dir: string = STORIES_DIR): StoryClass[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== path.basename(PENDING_FILE))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      let doc: unknown;
      try {
        doc = parse(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        throw new StoryFileError(`${file}: not valid YAML: ${(e as Error).message}`);
      }
      const stories = validateStoryFile(doc, file);
      return { name: stories[0]?.cls ?? f.replace(/\.ya?ml$/, ''), file, stories };
    });
}

/**
 * Classes whose features are still being built: `pending: [{class, reason}]`. Their stories are run and
 * reported, but a failure does not fail `npm test` (and a pass is reported, so the entry can go).
 */
export function loadPending(file: string = PENDING_FILE): Map<string, string> {
  if (!fs.existsSync(file)) return new Map();
  const doc: unknown = parse(fs.readFileSync(file, 'utf8'));
  if (doc === null || doc === undefined) return new Map();
  if (!isRecord(doc) || (doc.pending !== null && doc.pending !== undefined && !Array.isArray(doc.pending))) {
    throw new StoryFileError(`${file}: expected "pending:" with a list of {class, reason}`);
  }
  const out = new Map<string, string>();
  for (const [i, e] of ((doc.pending as unknown[] | null) ?? []).entries()) {
    if (!isRecord(e) || typeof e.class !== 'string' || typeof e.reason !== 'string' || !e.reason.trim()) {
      throw new StoryFileError(`${file}: entry ${i + 1} needs "class" and a non-empty "reason"`);
    }
    const extra = Object.keys(e).find((k) => k !== 'class' && k !== 'reason');
    if (extra) throw new StoryFileError(`${file}: entry ${i + 1}: unknown key "${extra}"`);
    out.set(e.class, e.reason);
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `text` contains `phrase`, case-insensitively. An amount such as "1234.50" also matches "1,234.50",
 * and never matches inside a longer number ("12.25" is not found in "112.25").
 */
export function mentions(text: string, phrase: string): boolean {
  const amount = /^(\d+)\.(\d{2})$/.exec(phrase);
  if (!amount) return text.toLowerCase().includes(phrase.toLowerCase());
  const whole = amount[1];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const forms = whole === grouped ? [whole] : [whole, grouped];
  const re = new RegExp(`(?<![\\d.,])(?:${forms.map(escape).join('|')})\\.${amount[2]}(?!\\d)`);
  return re.test(text);
}

/** The text a user sees: each reply's text (and `speak`, which carries a card's text for text-only clients). */
export function visibleText(replies: Reply[]): string {
  return replies.map((r) => [r.text, r.speak].filter(Boolean).join('\n')).join('\n---\n');
}

function checkStep(step: StoryStep, text: string, intent: string | null, form: string | null): string[] {
  const why: string[] = [];
  if (step.intent !== undefined && intent !== step.intent) why.push(`intent: expected ${step.intent}, got ${intent ?? 'none'}`);
  if (step.form !== undefined && form !== step.form) why.push(`form: expected ${step.form ?? 'none'}, got ${form ?? 'none'}`);
  for (const s of step.says ?? []) if (!mentions(text, s)) why.push(`does not say "${s}"`);
  for (const s of step.not_says ?? []) if (mentions(text, s)) why.push(`says "${s}", which it must not`);
  for (const g of step.says_any ?? []) if (!g.some((s) => mentions(text, s))) why.push(`says none of ${g.map((s) => `"${s}"`).join(' / ')}`);
  return why;
}

/** Runs one story from a fresh conversation through the pure turn function; stops at the first failing step. */
export function runStory(deps: CoreDeps, story: Story): StoryResult {
  const now = new Date(story.now);
  let state: ConversationState | undefined;
  for (const [i, step] of story.steps.entries()) {
    let text: string;
    let reasons: string[];
    try {
      const r = runTurn(deps, state, { text: step.user, channel: 'test' }, now);
      state = r.state;
      text = visibleText(r.replies);
      reasons = checkStep(step, text, r.meta.intent, r.state.form?.id ?? null);
    } catch (e) {
      return { story, ok: false, failedStep: i + 1, user: step.user, reasons: [`the turn threw: ${(e as Error).message}`] };
    }
    if (reasons.length) return { story, ok: false, failedStep: i + 1, user: step.user, reasons, replies: text };
  }
  return { story, ok: true, reasons: [] };
}

/** One line for a report: which story, which step, what the user typed and why it failed. */
export function describeFailure(r: StoryResult): string {
  return `${r.story.cls} / "${r.story.story}": step ${r.failedStep} ("${(r.user ?? '').replace(/\n/g, '⏎')}"): ${r.reasons.join('; ')}`;
}
