// Where a registry entry's `file` lives: inside the sources folder, or refused (../../etc/passwd, /etc/passwd).
import path from "node:path";

export type CitedPath = { ok: true; path: string } | { ok: false; reason: string };

export function resolveCitedPath(sourcesDir: string, file: string): CitedPath {
  const root = path.resolve(sourcesDir);
  const target = path.resolve(root, file);
  const inside = path.relative(root, target);
  const escapes = inside === ".." || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside);
  if (file.includes("\0") || inside === "" || escapes) {
    return {
      ok: false,
      reason: `file ${JSON.stringify(file)} is outside ${path.basename(root)}/: a local copy must live inside it`,
    };
  }
  return { ok: true, path: target };
}
