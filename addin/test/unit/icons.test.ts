import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drawIcon, iconFiles, repoRoot } from "../../scripts/icons.mjs";
import { readPng } from "../../scripts/png.mjs";

describe("icons", () => {
  it.each(iconFiles)("$path is the $size px PNG that scripts/icons.mjs draws (run `npm run icons` after changing the drawing)", ({ path, size, background }) => {
    const committed = readFileSync(join(repoRoot, path));
    const png = readPng(committed);
    expect([png.width, png.height, png.bitDepth, png.colorType]).toEqual([size, size, 8, 6]);
    expect(Buffer.compare(committed, drawIcon(size, background))).toBe(0);
  });
});
