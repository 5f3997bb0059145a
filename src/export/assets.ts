// Copies the fonts and theme files next to the HTML in output/, so each HTML file is viewable on its own.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Asset, RenderedPiece } from "../render/index.js";
import { writeFileAtomic } from "./atomic-write.js";

async function sameSize(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return Boolean(x && y && x.size === y.size && y.mtimeMs >= x.mtimeMs);
}

async function copyOne(asset: Asset, outDir: string): Promise<void> {
  const target = path.resolve(outDir, asset.rel);
  if (path.relative(outDir, target).startsWith(".."))
    throw new Error(`asset path leaves the output folder: ${asset.rel}`);
  if (await sameSize(asset.path, target)) return;
  await writeFileAtomic(target, await readFile(asset.path));
}

export async function copyAssets(
  rendered: readonly RenderedPiece[],
  outDir: string,
): Promise<void> {
  const unique = new Map(rendered.flatMap((r) => r.assets).map((a) => [a.rel, a]));
  await Promise.all([...unique.values()].map((asset) => copyOne(asset, outDir)));
}
