// One-typo spelling correction against the words the training lines use. Employers' first messages are
// often one or two words ("kalkluator", "hotlien", "pegawi"), and there the one misspelt word is the
// whole message: its character n-grams alone leave it looking unknown, so it was read as out of scope.
// Only words of five letters or more that no data file knows are corrected, and only to a known word
// one edit away (a letter dropped, added, changed, or two neighbours swapped); ties go to the word the
// training lines use most. Shorter words are left alone: at four letters one edit turns too many
// unrelated words ("bola", "loan") into domain words.

const MIN_LENGTH = 5;

export class SpellCorrector {
  /** A word, and each form of it with one letter deleted -> the known words that produce it. */
  private readonly byDelete = new Map<string, string[]>();
  private readonly counts: Map<string, number>;

  constructor(counts: Map<string, number>) {
    this.counts = counts;
    for (const w of counts.keys()) {
      if (w.length < MIN_LENGTH - 1 || !/^\p{L}+$/u.test(w)) continue;
      for (const d of withDeletes(w)) {
        const list = this.byDelete.get(d);
        if (!list) this.byDelete.set(d, [w]);
        else if (!list.includes(w)) list.push(w);
      }
    }
  }

  /** The known word one edit away from `word`, or null when there is none (or `word` is short or known). */
  correct(word: string): string | null {
    if (word.length < MIN_LENGTH || this.counts.has(word) || !/^\p{L}+$/u.test(word)) return null;
    let best: string | null = null;
    let bestCount = 0;
    for (const d of withDeletes(word)) {
      for (const cand of this.byDelete.get(d) ?? []) {
        const n = this.counts.get(cand) ?? 0;
        if (n > bestCount && oneEdit(word, cand)) {
          best = cand;
          bestCount = n;
        }
      }
    }
    return best;
  }
}

function withDeletes(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** True when a and b differ by exactly one insertion, deletion, substitution or swap of neighbours. */
export function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
