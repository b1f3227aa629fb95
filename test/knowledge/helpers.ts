// Shared helpers for the knowledge tests: a throw-away copy of the knowledge data to break on purpose.
import fs from 'fs';
import os from 'os';
import path from 'path';

export const KNOWLEDGE_DIR = path.resolve(__dirname, '../../knowledge');
export const SHARED_DIR = path.resolve(__dirname, '../../../shared');

/** Copies every YAML data file of the knowledge folder into a new temporary folder and returns its path. */
export function copyKnowledge(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-kb-'));
  fs.cpSync(KNOWLEDGE_DIR, dir, {
    recursive: true,
    filter: (src) => fs.statSync(src).isDirectory() || /\.ya?ml$/.test(src),
  });
  return dir;
}

/** Rewrites one file of a copied knowledge folder; `edit` gets and returns the text. */
export function editFile(dir: string, rel: string, edit: (text: string) => string): string {
  const file = path.join(dir, rel);
  const before = fs.readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`test setup: the edit of ${rel} changed nothing`);
  fs.writeFileSync(file, after);
  return file;
}

/** Every YAML file of the knowledge folder, as [path, text]. */
export function allYaml(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push([p, fs.readFileSync(p, 'utf8')]);
    }
  };
  walk(KNOWLEDGE_DIR);
  return out;
}
