// `init`: a new workspace that checks and builds green at once, written without overwriting anything.
import { lstat, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CollateralError, shownPath } from "../model/index.js";
import {
  STARTER_CITED,
  STARTER_DOCUMENT,
  STARTER_GITIGNORE,
  STARTER_IGNORE,
  STARTER_MARKDOWN,
  STARTER_REGISTRY,
  STARTER_YAML,
} from "./starter.js";
import { starterPdf } from "./starter-pdf.js";

export interface InitResult {
  root: string;
  /** The files written, relative to the root, in the order they were. */
  files: string[];
}

/**
 * Writes the starter into `root` (made if missing). A `sources/` folder already there, or any file the starter
 * would write, stops it before anything is written: a workspace is never half-overwritten.
 */
export async function initWorkspace(root: string): Promise<InitResult> {
  const absolute = path.resolve(root);
  const info = await lstat(absolute).catch(() => null);
  if (info && !info.isDirectory())
    throw new CollateralError(`${shownPath(absolute)} exists and is not a folder`, {
      rule: "init",
    });
  const planned: [string, () => Promise<string | Uint8Array>][] = [
    [STARTER_DOCUMENT, async () => STARTER_MARKDOWN],
    [STARTER_REGISTRY, async () => STARTER_YAML],
    [STARTER_CITED, starterPdf],
    [STARTER_IGNORE, async () => STARTER_GITIGNORE],
  ];
  const taken = await existing(absolute, ["sources", ...planned.map(([file]) => file)]);
  if (taken.length)
    throw new CollateralError(
      `${taken.map((f) => shownPath(path.join(absolute, f))).join(", ")} already ${taken.length === 1 ? "exists" : "exist"}: init makes a new workspace and overwrites nothing (pick an empty folder)`,
      { rule: "init" },
    );
  for (const [file, contents] of planned) {
    const target = path.join(absolute, file);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // "wx": a file that appeared since the look above is still not overwritten.
      await writeFile(target, await contents(), { flag: "wx" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      const why = code === "EEXIST" ? "it appeared meanwhile; left as it is" : code;
      throw new CollateralError(`cannot write ${shownPath(target)} (${why})`, { rule: "init" });
    }
  }
  return { root: absolute, files: planned.map(([file]) => file) };
}

async function existing(root: string, files: string[]): Promise<string[]> {
  const found = await Promise.all(
    files.map(async (f) => ((await lstat(path.join(root, f)).catch(() => null)) ? f : null)),
  );
  return [...new Set(found.filter((f): f is string => f !== null))].filter(
    // "sources" covers the files under it: name the folder once.
    (f, _, all) => !(f.startsWith("sources/") && all.includes("sources")),
  );
}
