// The Teams app icons, drawn in code so the package has no fetched artwork: a speech bubble
// with three dots. Colour icon 192x192 (white bubble on the accent colour); outline icon 32x32
// (white bubble on transparent, the dots cut out), as Teams requires.
import { encodePng } from './png';

type Shape = (x: number, y: number) => boolean;

/** Inside the bubble, in a 0..1 unit square. */
const bubble: Shape = (x, y) => {
  const [l, t, r, b, rad] = [0.16, 0.2, 0.84, 0.7, 0.12];
  const cx = Math.min(Math.max(x, l + rad), r - rad);
  const cy = Math.min(Math.max(y, t + rad), b - rad);
  const inRect = x >= l && x <= r && y >= t && y <= b && (x - cx) ** 2 + (y - cy) ** 2 <= rad ** 2;
  // The tail: a triangle below the bubble's left side.
  const inTail = y >= b - 0.01 && y <= 0.86 && x >= 0.28 && x <= 0.28 + (0.86 - y) * (0.18 / 0.16);
  return inRect || inTail;
};

const dot: Shape = (x, y) => [0.33, 0.5, 0.67].some((cx) => (x - cx) ** 2 + (y - 0.45) ** 2 <= 0.06 ** 2);

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Renders with 4x4 supersampling: `paint` gives the RGBA of a point, or null for background. */
function render(size: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [r, g, b, a] = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = acc[3] / (n * n);
      for (let c = 0; c < 3; c++) out[i + c] = acc[3] > 0 ? Math.round(acc[c] / acc[3]) : 0;
      out[i + 3] = Math.round(alpha);
    }
  }
  return out;
}

export function colorIcon(accent: string): Buffer {
  const bg = hexRgb(accent);
  const px = render(192, (x, y) => {
    if (dot(x, y)) return [...bg, 255];
    if (bubble(x, y)) return [255, 255, 255, 255];
    return [...bg, 255];
  });
  return encodePng(192, 192, px);
}

export function outlineIcon(): Buffer {
  const px = render(32, (x, y) => (bubble(x, y) && !dot(x, y) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
  return encodePng(32, 32, px);
}
