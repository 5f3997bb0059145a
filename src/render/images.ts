// Workspace images a piece shows → where each sits beside its HTML, and the files export copies there.
import path from "node:path";
import { blockInlines, type Claim } from "../model/index.js";
import type { Asset } from "./pieces.js";

/** Content images sit under this folder beside the HTML, at their workspace path (`assets/content/sources/…`). */
export const CONTENT_DIR = "assets/content";

/** The image's URL relative to the HTML, each path segment encoded (a space in a file name stays a space). */
export function imageHref(src: string): string {
  return `${CONTENT_DIR}/${src.split("/").map(encodeURIComponent).join("/")}`;
}

/** The images of these claims, to be copied from the workspace next to the HTML. */
export function imageAssets(workspace: string, claims: readonly Claim[]): Asset[] {
  const sources = new Set(
    claims.flatMap((c) =>
      c.blocks.flatMap((b) => blockInlines(b).flatMap((i) => (i.kind === "image" ? [i.src] : []))),
    ),
  );
  return [...sources].map((src) => ({
    rel: `${CONTENT_DIR}/${src}`,
    path: path.join(workspace, ...src.split("/")),
  }));
}
