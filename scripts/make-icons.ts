// Draws the two Teams icons (run once; the PNGs are committed): a speech bubble with three dots.
import { writeFile } from 'node:fs/promises';
import { encodePng } from './png.ts';

function bubble(size: number, x: number, y: number): 'bubble' | 'dot' | 'none' {
  const u = x / size;
  const v = y / size;
  const inBody = Math.abs(u - 0.5) < 0.32 && Math.abs(v - 0.45) < 0.22;
  const inTail = v >= 0.67 && v < 0.8 && u > 0.3 && u < 0.42 && u - 0.3 < (0.8 - v) * 0.9;
  if (!inBody && !inTail) return 'none';
  const dot = [0.35, 0.5, 0.65].some((cx) => (u - cx) ** 2 + (v - 0.45) ** 2 < 0.05 ** 2);
  return dot ? 'dot' : 'bubble';
}

const teal: [number, number, number, number] = [0, 107, 122, 255];
const white: [number, number, number, number] = [255, 255, 255, 255];
const clear: [number, number, number, number] = [0, 0, 0, 0];

await writeFile(
  new URL('../manifest/color.png', import.meta.url),
  encodePng(192, 192, (x, y) => (bubble(192, x, y) === 'bubble' ? white : teal)),
);
await writeFile(
  new URL('../manifest/outline.png', import.meta.url),
  encodePng(32, 32, (x, y) => (bubble(32, x, y) === 'bubble' ? white : clear)),
);
console.log('manifest/color.png en manifest/outline.png geschreven');
