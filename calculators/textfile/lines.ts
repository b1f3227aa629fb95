// Splits a text file into lines, keeping what ended each one: the checker must see CRLF, LF and CR apart.
export type LineEnd = 'CRLF' | 'LF' | 'CR' | 'none';

export interface RawLine {
  /** 1-based. */
  number: number;
  /** One character per byte (the file is read as latin1), without the line end. */
  text: string;
  end: LineEnd;
}

/** A UTF-8 byte-order mark read as latin1. */
export const BOM_LATIN1 = '\u00ef\u00bb\u00bf';

/**
 * Reads bytes as latin1 so that `text.length` is the byte count ASSIST sees and a non-ASCII letter shows up
 * as the extra bytes it really adds. A string is first encoded as UTF-8 for the same reason.
 */
export function asBytes(content: Buffer | string): string {
  return (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('latin1');
}

export function splitLines(bytes: string): { lines: RawLine[]; bom: boolean } {
  const bom = bytes.startsWith(BOM_LATIN1);
  const body = bom ? bytes.slice(BOM_LATIN1.length) : bytes;
  const lines: RawLine[] = [];
  let at = 0;
  while (at < body.length) {
    let i = at;
    while (i < body.length && body[i] !== '\r' && body[i] !== '\n') i++;
    let end: LineEnd = 'none';
    let next = i;
    if (i < body.length) {
      if (body[i] === '\r' && body[i + 1] === '\n') { end = 'CRLF'; next = i + 2; }
      else if (body[i] === '\r') { end = 'CR'; next = i + 1; }
      else { end = 'LF'; next = i + 1; }
    }
    lines.push({ number: lines.length + 1, text: body.slice(at, i), end });
    at = next;
  }
  return { lines, bom };
}
