// How much of a message the in-scope training lines cover. Words no in-scope line uses are the best
// sign of a question the bot cannot answer, so their count is a classifier feature. For a training
// line its own words are discounted (leave-one-out): the model then sees what an unseen in-scope
// question looks like, not a line whose every word is known by construction.

export class DomainVocabulary {
  private readonly df = new Map<string, number>();

  add(tokens: string[]): void {
    for (const t of new Set(tokens)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Feature names for a message; `ownLine` = the tokens were added to this vocabulary themselves. */
  features(tokens: string[], ownLine = false): string[] {
    const words = [...new Set(tokens)].filter((t) => !/\d/.test(t));
    let unseen = 0;
    for (const t of words) if ((this.df.get(t) ?? 0) - (ownLine ? 1 : 0) <= 0) unseen++;
    const out = [`oov:${Math.min(unseen, 3)}`];
    if (words.length && unseen / words.length >= 0.5) out.push('oov:most');
    return out;
  }
}
