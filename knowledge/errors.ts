/** Raised when knowledge files are missing or invalid; the message lists every problem, each naming file and field. */
export class KnowledgeError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[] | string) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.length === 1 ? list[0] : `${list.length} problems in the knowledge files:\n- ${list.join('\n- ')}`);
    this.name = 'KnowledgeError';
    this.problems = list;
  }
}
