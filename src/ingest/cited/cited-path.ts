// Where a registry entry's `file` lives: inside the sources folder, or refused (../../etc/passwd, /etc/passwd).
import { realpath } from "node:fs/promises";
import path from "node:path";

export type CitedPath = { ok: true; path: string } | { ok: false; reason: string };

export function resolveCitedPath(sourcesDir: string, file: string): CitedPath {
  const root = path.resolve(sourcesDir);
  const target = path.resolve(root, file);
  if (file.includes("\0") || !isInside(root, target)) {
    return {
      ok: false,
      reason: `file ${JSON.stringify(file)} is outside ${path.basename(root)}/: a local copy must live inside it`,
    };
  }
  return { ok: true, path: target };
}

/** Whether `target` lies strictly inside the folder `root` (the folder itself is not inside). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return (
    relative !== "" &&
    relative !== ".." &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/**
 * `resolveCitedPath`, with links followed: the file, or where it would be written (its nearest existing
 * folder), must really be inside the sources folder. The rule `loadCitedTexts` reads by, for what is written
 * too: a `cited` folder that is a symbolic link out of the workspace takes no download.
 */
export async function resolveContainedPath(sourcesDir: string, file: string): Promise<CitedPath> {
  const resolved = resolveCitedPath(sourcesDir, file);
  if (!resolved.ok) return resolved;
  const root = await realpath(sourcesDir).catch(() => path.resolve(sourcesDir));
  let existing = resolved.path;
  let real: string | null = null;
  for (;;) {
    real = await realpath(existing).catch(() => null);
    if (real !== null || path.dirname(existing) === existing) break;
    existing = path.dirname(existing);
  }
  if (real === null || real === root || isInside(root, real)) return resolved;
  const shown = path.relative(path.resolve(sourcesDir), existing).split(path.sep).join("/");
  return {
    ok: false,
    reason: `${shown || file} leads (by a symbolic link) outside ${path.basename(path.resolve(sourcesDir))}/: a local copy must live inside it`,
  };
}
