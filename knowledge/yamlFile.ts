/**
 * Reads one YAML data file and reports problems as "<file>:<line>: <field> <what is wrong>", so that a
 * support officer's typo points at the exact place to fix.
 */
import fs from 'fs';
import path from 'path';
import { LineCounter, isNode, parseDocument } from 'yaml';
import type { Document } from 'yaml';

export type FieldPath = ReadonlyArray<string | number>;

/** The file as the user should see it: relative to the working directory when it lies inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/** "en.sources[0].url" */
export function fieldName(p: FieldPath): string {
  return p.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

export class YamlFile {
  private constructor(
    readonly label: string,
    readonly data: unknown,
    private readonly doc: Document | null,
    private readonly lines: LineCounter | null,
    private readonly problems: string[],
  ) {}

  /** Parses `file`; syntax errors are added to `problems` and leave `data` undefined. */
  static read(file: string, problems: string[]): YamlFile {
    const label = displayPath(file);
    let source: string;
    try {
      source = fs.readFileSync(file, 'utf8');
    } catch (err) {
      problems.push(`${label}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      return new YamlFile(label, undefined, null, null, problems);
    }
    const lines = new LineCounter();
    const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = lines.linePos(e.pos[0]).line;
        problems.push(`${label}:${line}: YAML syntax error: ${e.message.split('\n')[0]}`);
      }
      return new YamlFile(label, undefined, doc, lines, problems);
    }
    return new YamlFile(label, doc.toJS(), doc, lines, problems);
  }

  /** How many problems have been recorded so far (in this file and others sharing the list). */
  get problemCount(): number {
    return this.problems.length;
  }

  /** The line of the field, or of its nearest parent that exists. */
  lineOf(p: FieldPath): number | null {
    if (!this.doc || !this.lines) return null;
    for (let n = p.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(p.slice(0, n), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return null;
  }

  /** Records a problem: `<file>:<line>: <field> <message>` (the field is left out when `p` is empty). */
  problem(p: FieldPath, message: string): void {
    const line = this.lineOf(p);
    const where = line === null ? this.label : `${this.label}:${line}`;
    const field = fieldName(p);
    this.problems.push(field ? `${where}: ${field} ${message}` : `${where}: ${message}`);
  }
}
