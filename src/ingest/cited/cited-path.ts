// Where a registry entry's `file` lives: inside the sources folder, or refused (../../etc/passwd, /etc/passwd).
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
