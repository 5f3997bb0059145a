// Workspace images a piece shows → where each sits beside its HTML, and the files export copies there.
import path from "node:path";
import { blockInlines, type Claim } from "../model/index.js";
import type { Asset } from "./pieces.js";

/** Content images sit under this folder beside the HTML, at their workspace path (`assets/content/sources/…`). */
export const CONTENT_DIR = "assets/content";

/**
 * Where an image's copy sits, relative to the HTML: its workspace path with the start of its bytes' hash
 * before the extension (`assets/content/assets/shot.3f2a…9c.png`). A replaced screenshot gets a new name,
 * so no browser cache (the portal's pages live for many prints) can show the old one.
 */
export function imageRel(src: string, sha256: string): string {
  const ext = path.posix.extname(src);
  return `${CONTENT_DIR}/${src.slice(0, src.length - ext.length)}.${sha256.slice(0, 16)}${ext}`;
}

/** The image's URL relative to the HTML, each path segment encoded (a space in a file name stays a space). */
export function imageHref(src: string, sha256: string): string {
  return imageRel(src, sha256).split("/").map(encodeURIComponent).join("/");
}

/** The judged images of these claims, to be copied from the workspace next to the HTML (only bytes of that hash). */
export function imageAssets(workspace: string, claims: readonly Claim[]): Asset[] {
  const images = new Map<string, Asset>();
  for (const inline of claims.flatMap((c) => c.blocks.flatMap(blockInlines))) {
    if (inline.kind !== "image" || !inline.sha256) continue;
    const rel = imageRel(inline.src, inline.sha256);
    images.set(rel, {
      rel,
      path: path.join(workspace, ...inline.src.split("/")),
      sha256: inline.sha256,
    });
  }
  return [...images.values()];
}
