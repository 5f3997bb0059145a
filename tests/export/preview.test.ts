// PNG previews: the first page of each piece, written atomically, in the page's own shape.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserManager, previewPng } from "../../src/export/index.js";
import {
  BUILTIN_TEMPLATES_DIR,
  loadTemplates,
  PIECES,
  renderPiece,
} from "../../src/render/index.js";
import { fixtureModel } from "../render/fixture-model.js";

let manager: BrowserManager;
let outDir: string;

beforeAll(async () => {
  manager = new BrowserManager();
  outDir = await mkdtemp(path.join(os.tmpdir(), "collateral-preview-"));
});

afterAll(async () => {
  await manager?.close();
  await rm(outDir, { recursive: true, force: true });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("previewPng", () => {
  it("writes the first page of each piece: Letter for brochure and one-pager, 16:9 for the deck", async () => {
    const [model, templates] = [fixtureModel(), await loadTemplates([BUILTIN_TEMPLATES_DIR])];
    const rendered = PIECES.map((piece) => renderPiece(templates, model, piece, {}));
    const previews = await previewPng(manager, rendered, outDir, { width: 600 });
    expect(previews.map((p) => p.pngPath)).toEqual(
      PIECES.map((piece) => path.join(outDir, `${piece}.png`)),
    );
    const ratios = await Promise.all(
      previews.map(async ({ pngPath }) => {
        const { width, height } = pngSize(await readFile(pngPath));
        expect(width).toBe(600);
        return height / width;
      }),
    );
    expect(ratios[0]).toBeCloseTo(11 / 8.5, 1);
    expect(ratios[1]).toBeCloseTo(11 / 8.5, 1);
    expect(ratios[2]).toBeCloseTo(9 / 16, 1);
    expect((await readdir(outDir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
