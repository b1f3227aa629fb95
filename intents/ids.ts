/**
 * Intent ids. The list itself is data: the keys of the intent catalogue (knowledge/intents.yaml), the
 * same as ../shared/intents.json. Only the intents the code names on purpose are spelled here, so a
 * typo in code does not compile while a new intent needs no TypeScript change.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { fromRoot } from '../project-root';

/** Intents the code names on purpose; the catalogue must contain each (checked when it loads). */
export const NAMED_INTENTS = [
  'help_menu', 'out_of_scope', 'contribution_quote', 'contribution_rates', 'late_payment', 'human_handoff', 'upload_contribution_file',
] as const;
export type NamedIntent = (typeof NAMED_INTENTS)[number];

declare const validated: unique symbol;
/** An id checked against the loaded catalogue (see `toIntentIds`), or one of the intents the code names. */
export type IntentId = NamedIntent | (string & { readonly [validated]: true });

export const OUT_OF_SCOPE: IntentId = 'out_of_scope';

/**
 * Whether `id` is the named intent. Use it instead of `===` with a literal: TypeScript accepts a
 * misspelt literal in a comparison with a branded string, but not as this argument.
 */
export function isIntent(id: IntentId | null | undefined, named: NamedIntent): boolean {
  return id === named;
}

/** The catalogue that ships with the bot. */
export const DEFAULT_CATALOGUE_FILE = fromRoot('knowledge', 'intents.yaml');

/** Brands `ids` as intent ids; callers have checked them against a catalogue. */
export function toIntentIds(ids: readonly string[]): IntentId[] {
  return ids as IntentId[];
}

/**
 * The intent ids of a catalogue file, in file order. Only the id list: knowledge/catalogue.ts validates
 * the rest (traits, handlers, labels). A file that cannot give a list throws, naming the file.
 */
export function readCatalogueIds(file: string = DEFAULT_CATALOGUE_FILE): IntentId[] {
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: cannot read the intent catalogue (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) {
    throw new Error(`${file}: the intent catalogue must map intent ids to their entries`);
  }
  return toIntentIds(Object.keys(data));
}

/** The shipped intent ids (knowledge/intents.yaml), read once. */
export const INTENT_IDS: readonly IntentId[] = readCatalogueIds();

/** `id` as an IntentId when `known` (default: the shipped catalogue) lists it; else throws, naming it. */
export function intentId(id: string, known: readonly IntentId[] = INTENT_IDS): IntentId {
  if (!(known as readonly string[]).includes(id)) throw new Error(`"${id}" is not an intent id of the catalogue (knowledge/intents.yaml)`);
  return id as IntentId;
}
