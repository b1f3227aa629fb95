// Topic flags: a message that mentions any word of a topic (intents/lexicon/topics.json) gets one shared
// feature, so the classifier generalises from the topic words its training lines use to the others.
import type { Topics } from './lexicon';

const ARITHMETIC = /\d\s*(?:x|times|darab|tambah|plus|minus|tolak|bahagi|divided by|multiplied by)\s*\d|\d+x\b|\bx\s*\d/;

export class TopicMatcher {
  private readonly words = new Map<string, Set<string>>(); // single word -> topics
  private readonly phrases = new Map<string, Array<{ phrase: string; topic: string }>>(); // first word -> phrases

  /** `normalise` turns each listed word or phrase into the form messages are matched in. */
  constructor(topics: Topics, normalise: (s: string) => string) {
    for (const [topic, list] of topics) {
      for (const raw of list) {
        const w = normalise(raw);
        if (!w) continue;
        if (w.includes(' ')) {
          const first = w.split(' ')[0];
          const list2 = this.phrases.get(first) ?? [];
          list2.push({ phrase: ` ${w} `, topic });
          this.phrases.set(first, list2);
        } else {
          const set = this.words.get(w) ?? new Set<string>();
          set.add(topic);
          this.words.set(w, set);
        }
      }
    }
  }

  features(tokens: string[], normalised: string): string[] {
    const found = new Set<string>();
    // sums and equations ("17 times 23", "3x + 5 = 20"): homework, not an employer's question
    if (ARITHMETIC.test(normalised)) found.add('arithmetic');
    let padded = '';
    for (const t of tokens) {
      for (const topic of this.words.get(t) ?? []) found.add(topic);
      for (const p of this.phrases.get(t) ?? []) {
        padded ||= ` ${normalised} `;
        if (padded.includes(p.phrase)) found.add(p.topic);
      }
    }
    return [...found].map((t) => 't:' + t);
  }
}
