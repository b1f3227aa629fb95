// Collects every phrase the bot itself tells users to type or offers as a button, with the situation in which
// it is offered, so that a test can type each one back and check the bot understands its own advice.
//  - intents.yaml: each intent's button title and value (the value is what a click sends; the title is what a user
//    of a text-only channel types);
//  - `suggestions:` entries with their own title and value in knowledge/answers/*.yaml;
//  - quoted examples after "taip / type / contoh / e.g. / for example" in the text of knowledge/answers/*.yaml,
//    knowledge/phrases.yaml and calculators/texts.yaml, and in any TypeScript file that still holds user-facing wording.
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');

/** Where the phrase is offered, which decides the state it is typed in and what counts as understood. */
export type PhraseContext =
  | { kind: 'fresh'; intent?: string }
  | { kind: 'after_quote' }
  | { kind: 'form_step'; form: 'escalation' | 'late_interest'; step: number; /** the step shows back an answer already given, to confirm */ confirming?: true }
  | { kind: 'cancel_form' };

export interface SuggestedPhrase {
  text: string;
  lang: 'ms' | 'en';
  /** File and place it comes from, for the report. */
  source: string;
  /** The sentence it was quoted in ('' for buttons). */
  sentence: string;
  context: PhraseContext;
}

/** Files outside knowledge/ that still hold user-facing wording with typed examples. */
export const CODE_SOURCES = ['calculators/explain.ts', 'bot/core/strings.ts', 'bot/core/forms/runner.ts', 'bot/core/forms/late-interest.ts', 'bot/core/forms/escalation.ts', 'bot/core/forms/quote-wage.ts'];

const TRIGGER = /(?:\b(?:taip|type|tulis|write|contoh(?:nya)?|misalnya|for example|example)\b|\be\.g\.)[^"“”\n]{0,25}?/giu;
const QUOTE_RUN = /^\s*(?:[:(,]|\batau\b|\bor\b|\bdan\b|\band\b)?\s*["“]([^"”\n]{1,80})["”]/iu;

/** The quoted examples that follow a "type / for example" word in a piece of text. */
export function quotedExamples(text: string): Array<{ phrase: string; sentence: string }> {
  const out: Array<{ phrase: string; sentence: string }> = [];
  for (const m of text.matchAll(TRIGGER)) {
    let rest = text.slice(m.index + m[0].length);
    let q: RegExpExecArray | null;
    while ((q = QUOTE_RUN.exec(rest))) {
      const start = text.lastIndexOf('\n', m.index) + 1;
      const endNl = text.indexOf('\n', m.index);
      out.push({ phrase: q[1].replace(/\\'/g, "'").trim(), sentence: text.slice(start, endNl < 0 ? undefined : endNl).trim() });
      rest = rest.slice(q[0].length);
    }
  }
  return out;
}

/** Decides where an example is offered from the sentence it sits in. */
export function contextOf(phrase: string, sentence: string): PhraseContext {
  const s = sentence.toLowerCase();
  const p = phrase.toLowerCase();
  if (p === 'batal' || p === 'cancel') return { kind: 'cancel_form' };
  if (/kira semula|recalculate/.test(s)) return { kind: 'after_quote' };
  if (/untuk sahkan|to confirm/.test(s)) return { kind: 'form_step', form: 'escalation', step: 4, confirming: true };
  if (/nama syarikat|company name/.test(s)) return { kind: 'form_step', form: 'escalation', step: 1 };
  if (/nama penuh wakil|representative/.test(s)) return { kind: 'form_step', form: 'escalation', step: 2 };
  if (/terangkan masalah|describe the problem|pegawai tidak perlu|officer does not need/.test(s)) return { kind: 'form_step', form: 'escalation', step: 4 };
  if (/bila caruman itu dibayar|when was it paid/.test(s)) return { kind: 'form_step', form: 'late_interest', step: 2 };
  return { kind: 'fresh' };
}

const langOf = (key: string, text: string): 'ms' | 'en' => (key === 'en' || /\ben\b/.test(key) ? 'en' : key === 'ms' ? 'ms' : /\b(?:type|for example|e\.g\.)\b/i.test(text) ? 'en' : 'ms');

type Visit = (value: string, keyPath: string[]) => void;
function walkStrings(node: unknown, keyPath: string[], visit: Visit): void {
  if (typeof node === 'string') visit(node, keyPath);
  else if (Array.isArray(node)) node.forEach((n, i) => walkStrings(n, [...keyPath, String(i)], visit));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walkStrings(v, [...keyPath, k], visit);
}

function fromText(text: string, lang: 'ms' | 'en', source: string): SuggestedPhrase[] {
  return quotedExamples(text).map(({ phrase, sentence }) => ({ text: phrase, lang, source, sentence, context: contextOf(phrase, sentence) }));
}

export function collectSuggestedPhrases(root: string = ROOT): SuggestedPhrase[] {
  const out: SuggestedPhrase[] = [];
  const rel = (f: string): string => path.relative(root, f);

  // Buttons: each one leads to its intent.
  const catalogue = parse(fs.readFileSync(path.join(root, 'knowledge/intents.yaml'), 'utf8')) as Record<string, { button?: Record<string, { title: string; value: string }> }>;
  for (const [intent, entry] of Object.entries(catalogue)) {
    for (const lang of ['ms', 'en'] as const) {
      const b = entry?.button?.[lang];
      if (!b) continue;
      for (const text of new Set([b.title, b.value])) out.push({ text, lang, source: `knowledge/intents.yaml: ${intent}.button.${lang}`, sentence: '', context: { kind: 'fresh', intent } });
    }
  }

  // Answers: their own suggestion buttons, and examples quoted in their text.
  const answersDir = path.join(root, 'knowledge/answers');
  const files = fs.readdirSync(answersDir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(answersDir, f));
  for (const file of [...files, path.join(root, 'knowledge/phrases.yaml'), path.join(root, 'calculators/texts.yaml')]) {
    const doc: unknown = parse(fs.readFileSync(file, 'utf8'));
    const suggestions = (doc as { suggestions?: unknown[] } | null)?.suggestions ?? [];
    for (const s of suggestions) {
      if (!s || typeof s !== 'object') continue; // a bare intent id: the buttons above cover it
      for (const lang of ['ms', 'en'] as const) {
        const b = (s as Record<string, { title?: string; value?: string } | undefined>)[lang];
        for (const text of new Set([b?.title, b?.value].filter((x): x is string => !!x))) {
          out.push({ text, lang, source: `${rel(file)}: suggestions.${lang}`, sentence: '', context: { kind: 'fresh' } });
        }
      }
    }
    walkStrings(doc, [], (value, keyPath) => {
      if (keyPath.includes('suggestions') || keyPath.includes('sources')) return;
      const lang = langOf(keyPath.find((k) => k === 'ms' || k === 'en') ?? '', value);
      out.push(...fromText(value, lang, `${rel(file)}: ${keyPath.join('.')}`));
    });
  }

  // Wording still in code: scan the source text for the same pattern.
  for (const f of CODE_SOURCES) {
    const file = path.join(root, f);
    // A file moved or emptied of wording must leave this list, or its phrases would go unchecked.
    if (!fs.existsSync(file)) throw new Error(`${f} is listed in CODE_SOURCES but does not exist: update the list`);
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) return; // comments are not shown to users
        out.push(...fromText(line, /\ben:/.test(line) ? 'en' : 'ms', `${f}:${i + 1}`));
      });
  }

  // One entry per phrase and situation.
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.text.toLowerCase()}|${JSON.stringify(p.context)}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}
