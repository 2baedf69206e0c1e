// Generates every SalesCoach icon from one drawing (three rising bars): the Microsoft 365 app
// package's color (192x192, full colour) and outline (32x32, white on transparent) icons, and the
// Outlook ribbon / add-in icons served by the host (16, 32, 64, 80, 128). `npm run icons` rewrites
// them; a unit test checks the committed files are exactly what this script draws.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng } from "./png.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const brand = [0x0f, 0x6c, 0xbd];
const white = [0xff, 0xff, 0xff];

/** Bars in unit coordinates: x, width, top (the baseline is 0.8). */
const bars = [
  [0.2, 0.16, 0.52],
  [0.42, 0.16, 0.38],
  [0.64, 0.16, 0.2],
];

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inBars(x, y) {
  return bars.some(([left, width, top]) => inRoundedRect(x, y, left, top, left + width, 0.8, 0.03));
}

/**
 * Draws one icon. `background`: "full" (square, for the app package colour icon), "rounded" (for the
 * ribbon) or "none" (transparent, white bars: the outline icon).
 */
export function drawIcon(size, background) {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const inBackground = background === "full" || (background === "rounded" && inRoundedRect(x, y, 0, 0, 1, 1, 0.18));
          if (inBars(x, y)) fg++;
          else if (inBackground) bg++;
        }
      }
      const total = samples * samples;
      const alpha = (fg + bg) / total;
      const i = (py * size + px) * 4;
      if (alpha === 0) continue;
      for (let c = 0; c < 3; c++) {
        rgba[i + c] = Math.round((fg * white[c] + bg * brand[c]) / (fg + bg));
      }
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

/** Every icon file, relative to the repository root, with its drawing. */
export const iconFiles = [
  { path: "appPackage/color.png", size: 192, background: "full" },
  { path: "appPackage/outline.png", size: 32, background: "none" },
  ...[16, 32, 64, 80, 128].map((size) => ({ path: `addin/public/icons/icon-${size}.png`, size, background: "rounded" })),
];

export const repoRoot = resolve(here, "..", "..");

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const icon of iconFiles) {
    const file = resolve(repoRoot, icon.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, drawIcon(icon.size, icon.background));
    console.log(`${icon.path} (${icon.size}x${icon.size})`);
  }
}
