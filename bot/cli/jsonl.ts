// JSON-lines plumbing shared by `classify` and `quote`: read a file or stdin, one object a
// line, never stop at a bad line, one output line per input line in order.
import fs from 'fs';

export async function readInput(source: string): Promise<string> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  return fs.promises.readFile(source, 'utf8');
}

export function parseLine(line: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(line) };
  } catch {
    return { ok: false, error: 'invalid JSON on this line' };
  }
}

/** Maps each non-blank input line to one output object; a failure becomes {"error": ...}. */
export function mapLines(input: string, handle: (value: unknown) => Record<string, unknown>, write: (line: string) => void): void {
  for (const line of input.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    let out: Record<string, unknown>;
    if (!parsed.ok) out = { error: parsed.error };
    else {
      try {
        out = handle(parsed.value);
      } catch (err) {
        out = { error: err instanceof Error ? err.message : String(err) };
      }
    }
    write(JSON.stringify(out));
  }
}
