// Copies the fonts, theme files and content images next to the HTML in output/, so each HTML file is viewable on its own.
import { createHash } from "node:crypto";
import { lstat, readdir, readFile, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { CONTENT_DIR } from "../render/images.js";
import type { Asset, RenderedPiece } from "../render/index.js";
import { PIECES } from "../render/index.js";
import { writeFileAtomic } from "./atomic-write.js";
import { isJudged, readJudged } from "./judged-bytes.js";

async function sameSize(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return Boolean(x && y && x.size === y.size && y.mtimeMs >= x.mtimeMs);
}

/** Whether the copy already in output/ holds exactly these bytes (its name carries their hash). */
async function holds(target: string, sha256: string): Promise<boolean> {
  const info = await lstat(target).catch(() => null);
  if (!info?.isFile()) return false;
  const bytes = await readFile(target).catch(() => null);
  return bytes !== null && createHash("sha256").update(bytes).digest("hex") === sha256;
}

async function copyOne(asset: Asset, outDir: string): Promise<void> {
  const target = path.resolve(outDir, asset.rel);
  if (path.relative(outDir, target).startsWith(".."))
    throw new Error(`asset path leaves the output folder: ${asset.rel}`);
  if (isJudged(asset)) {
    if (!(await holds(target, asset.sha256)))
      await writeFileAtomic(target, await readJudged(asset));
    return;
  }
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

/**
 * Removes from output/assets/content/ the images no HTML in output/ refers to any more (a screenshot
 * replaced or dropped; every copy's name carries its hash, so each change leaves one behind). The
 * pieces this build did not print keep theirs: their HTML is read too. Only plain files and links
 * inside real folders are removed; a folder in the way that is a link is left alone, never followed.
 */
export async function sweepContentImages(outDir: string): Promise<void> {
  const top = path.join(outDir, CONTENT_DIR.split("/")[0]!);
  const content = path.join(outDir, ...CONTENT_DIR.split("/"));
  for (const dir of [top, content]) {
    const info = await lstat(dir).catch(() => null);
    if (!info?.isDirectory()) return;
  }
  const keep = new Set<string>();
  for (const piece of PIECES) {
    const html = await readFile(path.join(outDir, `${piece}.html`), "utf8").catch(() => "");
    for (const rel of contentRefs(html)) keep.add(rel);
  }
  await sweepFolder(content, CONTENT_DIR, keep);
}

/** `assets/content/…` paths an HTML page refers to, decoded as the browser reads them. */
export function contentRefs(html: string): string[] {
  const refs: string[] = [];
  const entities: Record<string, string> = {
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&#39;": "'",
    "&#96;": "`",
    "&#61;": "=",
  };
  for (const m of html.matchAll(/(?:src|href)="(assets\/content\/[^"]*)"/g)) {
    const url = m[1]!.replace(/&(?:amp|lt|gt|quot|#39|#96|#61);/g, (e) => entities[e] ?? e);
    try {
      refs.push(url.split("/").map(decodeURIComponent).join("/"));
    } catch {
      // A URL that does not decode names no copied image.
    }
  }
  return refs;
}

async function sweepFolder(dir: string, rel: string, keep: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    const name = `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      await sweepFolder(file, name, keep);
      // Only when nothing is left in it; a folder still holding a kept image stays.
      await rmdir(file).catch(() => undefined);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && !keep.has(name)) {
      // A write in progress (another build's temp file) is not this sweep's to take.
      if (/\.tmp$/.test(entry.name)) continue;
      await rm(file, { force: true });
    }
  }
}
