/** Counts words the way a reader sees them: list markers ("1.", "•", "→") and bare punctuation are not words. */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) {
    if (!/[\p{L}\p{N}]/u.test(token)) continue; // punctuation, bullets, arrows
    if (/^\d+[.)]$/.test(token)) continue; // "1." list markers
    n++;
  }
  return n;
}
