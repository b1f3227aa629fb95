// Widget colours from one configured colour, with WCAG contrast guaranteed: text on the
// colour is white or near-black, whichever reads better, and the colour used as text on
// white is darkened until it reaches 4.5:1.

export interface WidgetTheme {
  /** The configured colour: bubble button, header, the user's messages. */
  accent: string;
  /** Text and icons drawn on the accent. */
  onAccent: string;
  /** The accent as text or borders on white (links, suggested actions). */
  accentText: string;
}

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: Rgb): string {
  return '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export function themeFor(color: string): WidgetTheme {
  const accent = color.toLowerCase();
  const onAccent = contrast(accent, '#ffffff') >= contrast(accent, '#111111') ? '#ffffff' : '#111111';
  let text: Rgb = rgb(accent);
  while (contrast(hex(text), '#ffffff') < 4.5) text = text.map((v) => v * 0.9) as Rgb;
  return { accent, onAccent, accentText: hex(text) };
}
