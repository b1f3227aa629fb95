/** Loads every knowledge file from a folder, validates all of it, and reports every problem at once. */
import fs from 'fs';
import path from 'path';
import { parseAnswerFile } from './answerFile';
import type { AnswerRecord } from './answerFile';
import { loadCatalogue } from './catalogue';
import { KnowledgeError } from './errors';
import { loadHotlineCalendar } from './hotline';
import { DataKnowledgeBase } from './knowledgeBase';
import type { LoadedKnowledgeBase } from './knowledgeBase';
import { loadPhrases, rememberShippedPhrases } from './phrases';
import { displayPath, YamlFile } from './yamlFile';
import { fromRoot } from '../project-root';

/** The knowledge folder that ships with the bot (this folder). */
export const DEFAULT_KNOWLEDGE_DIR = fromRoot('knowledge');

/** None today: the intent ids come from the folder's own intents.yaml. Kept so callers need not change. */
export type LoadOptions = Record<string, never>;

interface Collected {
  kb: LoadedKnowledgeBase | null;
  problems: string[];
  intents: number;
}

function collect(dir: string, options: LoadOptions): Collected {
  const problems: string[] = [];
  void options;
  const label = displayPath(dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return { kb: null, problems: [`${label}: knowledge folder not found`], intents: 0 };
  }

  const calendar = loadHotlineCalendar(dir, problems);
  const phrases = loadPhrases(path.join(dir, 'phrases.yaml'), problems);
  if (phrases) rememberShippedPhrases(path.join(dir, 'phrases.yaml'), phrases);
  const catalogue = loadCatalogue(path.join(dir, 'intents.yaml'), problems);
  if (!catalogue) return { kb: null, problems, intents: 0 };
  const knownIntents: readonly string[] = catalogue.ids;

  const answersDir = path.join(dir, 'answers');
  const files = fs.existsSync(answersDir)
    ? fs.readdirSync(answersDir).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => path.join(answersDir, f))
    : [];
  if (files.length === 0) problems.push(`${displayPath(answersDir)}: no answer files found (expected one <intent>.yaml per intent)`);

  const ctx = {
    knownIntents,
    catalogue,
    buttonIntents: new Set(knownIntents.filter((i) => catalogue.button(i, 'ms') !== null)),
    placeholderSample: {
      ms: { hotline_status: calendar?.longestStatus('ms') ?? '' },
      en: { hotline_status: calendar?.longestStatus('en') ?? '' },
    },
  };
  const records: AnswerRecord[] = [];
  const byKey = new Map<string, AnswerRecord>();
  for (const file of files) {
    const y = YamlFile.read(file, problems);
    const record = parseAnswerFile(y, file, ctx);
    if (!record) continue;
    const key = record.variant ? `${record.intent} (variant ${record.variant})` : record.intent;
    const twin = byKey.get(key);
    if (twin) {
      y.problem(['intent'], `answers ${key}, which ${displayPath(twin.file)} already answers (keep one file per intent)`);
      continue;
    }
    byKey.set(key, record);
    records.push(record);
  }
  const answered = new Set(records.filter((r) => r.variant === null).map((r) => r.intent));
  for (const intent of knownIntents) {
    if (!answered.has(intent) && files.length > 0 && catalogue.needsAnswer(intent)) {
      const broken = files.some((f) => path.basename(f).replace(/\.ya?ml$/i, '') === intent);
      if (!broken) problems.push(`${displayPath(answersDir)}: no answer for intent "${intent}" (add ${intent}.yaml)`);
    }
  }

  const kb = problems.length === 0 && calendar && phrases ? new DataKnowledgeBase(records, phrases, catalogue, calendar) : null;
  return { kb, problems, intents: answered.size };
}

/** Loads and validates the knowledge folder; throws KnowledgeError listing every problem, each naming file and field. */
export function loadKnowledgeBase(dir: string = DEFAULT_KNOWLEDGE_DIR, options: LoadOptions = {}): LoadedKnowledgeBase {
  const { kb, problems } = collect(dir, options);
  if (!kb) throw new KnowledgeError(problems.length > 0 ? problems : [`${displayPath(dir)}: knowledge base could not be loaded`]);
  return kb;
}

/** The same validation for `hanna kb check`: every problem, and how many intents have an answer. */
export function checkKnowledgeBase(dir: string = DEFAULT_KNOWLEDGE_DIR, options: LoadOptions = {}): { ok: boolean; errors: string[]; intents: number } {
  const { kb, problems, intents } = collect(dir, options);
  return { ok: kb !== null && problems.length === 0, errors: problems, intents };
}
