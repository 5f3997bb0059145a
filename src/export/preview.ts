// PNG previews (`--format png`, the portal's thumbnails): the first page of each piece, taken by Chromium itself.
import path from "node:path";
import type { Piece, RenderedPiece } from "../render/index.js";
import { writeFileAtomic } from "./atomic-write.js";
import type { BrowserManager } from "./browser.js";
import { screenshotPng } from "./print-pdf.js";

export interface PreviewOptions {
  /** Width of the PNG in pixels (its height follows the page's shape). */
  width?: number;
}

export interface Preview {
  piece: Piece;
  pngPath: string;
}

/** Writes `<outDir>/<piece>.png` for each piece, atomically; no poppler or ImageMagick needed. */
export async function previewPng(
  manager: BrowserManager,
  rendered: readonly RenderedPiece[],
  outDir: string,
  options: PreviewOptions = {},
): Promise<Preview[]> {
  const shots = await Promise.all(
    rendered.map((piece) => screenshotPng(manager, piece, options.width ?? 800)),
  );
  return Promise.all(
    rendered.map(async (piece, i) => {
      const pngPath = path.join(outDir, `${piece.piece}.png`);
      await writeFileAtomic(pngPath, shots[i]!);
      return { piece: piece.piece, pngPath };
    }),
  );
}
