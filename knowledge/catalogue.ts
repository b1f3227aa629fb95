/**
 * The intent catalogue (intents.yaml): per intent its handler, traits, variants, menu place and button.
 * Validated at start-up like every other knowledge file: each problem names the file, line and field.
 */
import { NAMED_INTENTS, toIntentIds, type IntentId } from '../intents/ids';
import { parseSuggestionPair } from './buttons';
import type { Lang, Suggestion } from './types';
import { YamlFile } from './yamlFile';

/** What the bot does for an intent; the core maps each name to one function (bot/core/turn.ts). */
export const HANDLERS = ['answer', 'redirect', 'menu', 'greeting', 'interest', 'upload', 'quote', 'handoff'] as const;
export type HandlerName = (typeof HANDLERS)[number];

/** Handlers that show no answer file: their intents may have none. */
const ANSWERLESS: ReadonlySet<HandlerName> = new Set<HandlerName>(['quote']);

/** How the conversation treats an intent; each is documented at the top of intents.yaml. */
export const TRAITS = ['small_talk', 'sourceless', 'generic', 'quote_like', 'no_follow_up', 'not_a_problem', 'leaves_form', 'shows_hotline'] as const;
export type Trait = (typeof TRAITS)[number];

const KEYS = ['handler', 'traits', 'variants', 'menu', 'button'];

export interface IntentEntry {
  id: IntentId;
  handler: HandlerName;
  traits: ReadonlySet<Trait>;
  variants: readonly string[];
  menu: number | null;
  button: Record<Lang, Suggestion> | null;
}

export class IntentCatalogue {
  private readonly byId: ReadonlyMap<string, IntentEntry>;

  constructor(private readonly entries: readonly IntentEntry[]) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
  }

  /** Every intent id, in file order. */
  get ids(): IntentId[] {
    return this.entries.map((e) => e.id);
  }

  /** `id` as an IntentId when the catalogue has it, else null. */
  id(id: string): IntentId | null {
    return this.byId.get(id)?.id ?? null;
  }

  handler(id: IntentId): HandlerName {
    return this.byId.get(id)?.handler ?? 'answer';
  }

  has(id: IntentId | string | null | undefined, trait: Trait): boolean {
    return id != null && (this.byId.get(id)?.traits.has(trait) ?? false);
  }

  /** Whether the handler shows the intent's answer file (so the file must exist). */
  needsAnswer(id: string): boolean {
    const e = this.byId.get(id);
    return e !== undefined && !ANSWERLESS.has(e.handler);
  }

  variants(id: string): readonly string[] {
    return this.byId.get(id)?.variants ?? [];
  }

  button(id: string, lang: Lang): Suggestion | null {
    const b = this.byId.get(id)?.button;
    return b ? { ...b[lang] } : null;
  }

  /** The main topics of the welcome and the menu, by menu place. */
  menu(): IntentId[] {
    return this.entries.filter((e) => e.menu !== null).sort((a, b) => a.menu! - b.menu!).map((e) => e.id);
  }
}

function stringList(y: YamlFile, at: ReadonlyArray<string>, v: unknown): string[] | null {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
    y.problem(at, 'must be a list of names, e.g. [a, b]');
    return null;
  }
  return v.map((x: string) => x.trim());
}

/** Reads intents.yaml; problems are appended. Returns null when the file has any problem. */
export function loadCatalogue(file: string, problems: string[]): IntentCatalogue | null {
  const start = problems.length;
  const y = YamlFile.read(file, problems);
  if (y.data === undefined) return null;
  if (typeof y.data !== 'object' || y.data === null || Array.isArray(y.data) || Object.keys(y.data).length === 0) {
    y.problem([], 'must map intent ids to {handler, traits, variants, menu, button}');
    return null;
  }
  const entries: IntentEntry[] = [];
  const places = new Map<number, string>();
  for (const [id, raw] of Object.entries(y.data as Record<string, unknown>)) {
    if (!/^[a-z][a-z0-9_]*$/.test(id)) y.problem([id], 'is not a valid intent id (lower case letters, digits and _)');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      y.problem([id], 'must be a mapping with at least handler');
      continue;
    }
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!KEYS.includes(key)) y.problem([id, key], `is not a known field (use ${KEYS.join(', ')})`);

    const handler = typeof e.handler === 'string' ? e.handler.trim() : '';
    if (!(HANDLERS as readonly string[]).includes(handler)) {
      y.problem([id, 'handler'], `${e.handler === undefined ? 'is missing' : `"${String(e.handler)}" is not a known handler`} (use one of ${HANDLERS.join(', ')})`);
    }
    const traits = new Set<Trait>();
    for (const t of stringList(y, [id, 'traits'], e.traits) ?? []) {
      if ((TRAITS as readonly string[]).includes(t)) traits.add(t as Trait);
      else y.problem([id, 'traits'], `"${t}" is not a known trait (use ${TRAITS.join(', ')})`);
    }
    const variants = stringList(y, [id, 'variants'], e.variants) ?? [];
    if (variants.length > 0 && handler !== 'redirect') y.problem([id, 'variants'], 'are only used with handler redirect');
    if (handler === 'redirect' && variants.length === 0) y.problem([id, 'variants'], 'are missing (handler redirect answers per variant)');

    let menu: number | null = null;
    if (e.menu !== undefined && e.menu !== null) {
      if (typeof e.menu !== 'number' || !Number.isInteger(e.menu) || e.menu < 1) y.problem([id, 'menu'], 'must be a whole number from 1 (the place among the main topics)');
      else if (places.has(e.menu)) y.problem([id, 'menu'], `place ${e.menu} is already ${places.get(e.menu)}'s (give each main topic its own place)`);
      else {
        menu = e.menu;
        places.set(menu, id);
      }
    }
    let button: Record<Lang, Suggestion> | null = null;
    if (e.button !== undefined && e.button !== null) button = parseSuggestionPair(y, [id, 'button'], e.button);
    else if (!traits.has('small_talk')) y.problem([id, 'button'], 'is missing (give ms and en, each with title and value)');
    if (menu !== null && e.button === undefined) y.problem([id, 'button'], 'is missing: a main topic is shown as its button');

    entries.push({ id: toIntentIds([id])[0], handler: handler as HandlerName, traits, variants, menu, button });
  }
  const ids = new Set(entries.map((e) => e.id as string));
  for (const named of NAMED_INTENTS) {
    if (!ids.has(named)) y.problem([], `has no intent "${named}", which the bot's code relies on (restore its entry)`);
  }
  return problems.length > start ? null : new IntentCatalogue(entries);
}
