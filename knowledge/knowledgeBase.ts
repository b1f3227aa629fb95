/** The loaded, validated knowledge base: turns answer records into chat replies in the user's language. */
import type { AnswerRecord, SuggestionSpec } from './answerFile';
import { partsAskedAbout } from './answerParts';
import type { IntentCatalogue } from './catalogue';
import { toIntentIds, type IntentId } from '../intents/ids';
import type { HotlineCalendar, HotlineStatus } from './hotline';
import type { PhraseKey, PhraseTable } from './phrases';
import { fillPlaceholders } from './phrases';
import type { Answer, AnswerOptions, KnowledgeBase, Lang, Suggestion } from './types';

/** The suggestion value of a "more" button: `more:<intent>`. */
export const MORE_PREFIX = 'more:';

/** The intent named by a "more" button's value, or null when the text is not such a command. */
export function parseMoreCommand(value: string): string | null {
  const v = value.trim();
  return v.startsWith(MORE_PREFIX) && v.length > MORE_PREFIX.length ? v.slice(MORE_PREFIX.length) : null;
}

/** Kept as a name for callers that hold the loaded base; hotlineStatus is now part of KnowledgeBase itself. */
export type LoadedKnowledgeBase = KnowledgeBase;

export class DataKnowledgeBase implements LoadedKnowledgeBase {
  private readonly records = new Map<string, AnswerRecord>();

  constructor(
    records: readonly AnswerRecord[],
    private readonly phrases: PhraseTable,
    readonly catalogue: IntentCatalogue,
    private readonly calendar: HotlineCalendar,
  ) {
    for (const r of records) this.records.set(r.variant ? `${r.intent}/${r.variant}` : r.intent, r);
  }

  intents(): IntentId[] {
    const known: readonly string[] = this.catalogue.ids;
    const ids = toIntentIds([...new Set([...this.records.values()].map((r) => r.intent))]);
    return ids.sort((a, b) => (known.indexOf(a) + 1 || 1e9) - (known.indexOf(b) + 1 || 1e9) || a.localeCompare(b));
  }

  hotlineStatus(now: Date): HotlineStatus {
    return this.calendar.status(now);
  }

  phrase(key: PhraseKey, lang: Lang, vars: Record<string, string> = {}): string {
    const entry = this.phrases[key];
    if (!entry) throw new Error(`phrase "${key}" is not defined in phrases.yaml`);
    return fillPlaceholders(entry[lang], vars, `phrase ${key}`);
  }

  button(intent: string, lang: Lang): Suggestion | null {
    return this.catalogue.button(intent, lang);
  }

  answer(intent: string, lang: Lang, options: AnswerOptions = {}): Answer {
    const record = (options.agency && this.records.get(`${intent}/${options.agency}`)) || this.records.get(intent);
    if (!record) throw new Error(`knowledge base has no answer for intent "${intent}"`);
    const la = record[lang];
    const now = options.now ?? new Date();
    const suggestions = this.suggestions(record.suggestions, lang);
    if (la.more) suggestions.unshift({ title: this.phrase('more_button', lang), value: `${MORE_PREFIX}${record.intent}` });
    // A sub-question gets its part first, then the answer in brief; the rest stays behind "more".
    const asked = !la.brief ? [] : options.parts ? record.parts.filter((p) => options.parts!.includes(p.id)) : options.message ? partsAskedAbout(record.parts, options.message) : [];
    const text = asked.length > 0 ? [...asked.map((p) => p.text[lang]), la.brief].join('\n\n') : la.text;
    const sources = [...asked.flatMap((p) => p.sources), ...la.sources].filter((s, i, all) => all.findIndex((o) => o.url === s.url) === i);
    const answer: Answer = {
      intent: record.intent,
      text: this.fill(text, lang, now),
      more: la.more ? this.fill(la.more, lang, now) : null,
      suggestions,
      sources: sources.map((s) => ({ ...s })),
      verified: record.verified,
      parts: asked.map((p) => p.id),
    };
    if (record.variant) answer.variant = record.variant;
    return answer;
  }

  more(intent: string, lang: Lang, options: AnswerOptions = {}): Answer | null {
    const record = this.records.get(intent);
    const la = record?.[lang];
    if (!record || !la?.more) return null;
    return {
      intent: record.intent,
      text: this.fill(la.more, lang, options.now ?? new Date()),
      more: null,
      suggestions: this.suggestions(record.suggestions, lang),
      sources: la.sources.map((s) => ({ ...s })),
      verified: record.verified,
      continuation: true,
    };
  }

  private suggestions(specs: readonly SuggestionSpec[], lang: Lang): Suggestion[] {
    const out: Suggestion[] = [];
    for (const spec of specs) {
      const s = 'intent' in spec ? this.button(spec.intent, lang) : { ...spec.fixed[lang] };
      if (s) out.push(s);
    }
    return out;
  }

  private fill(text: string, lang: Lang, now: Date): string {
    return text.includes('{hotline_status}') ? text.split('{hotline_status}').join(this.calendar.status(now)[lang]) : text;
  }
}
