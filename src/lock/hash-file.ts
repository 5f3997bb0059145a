// The sha256 and size of a local copy, streamed (a 50 MB PDF is never held twice), or why there is none.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolveContainedPath } from "../ingest/cited/index.js";

export type FileHash =
  | { ok: true; sha256: string; size: number }
  | { ok: false; missing: boolean; reason: string };

export async function hashLocalCopy(sourcesDir: string, file: string): Promise<FileHash> {
  // A copy whose links lead out of sources/ is not hashed (nor read by check): it is no local copy.
  const resolved = await resolveContainedPath(sourcesDir, file);
  if (!resolved.ok) return { ok: false, missing: false, reason: resolved.reason };
  const info = await stat(resolved.path).catch(() => null);
  if (!info) return { ok: false, missing: true, reason: `the local copy ${file} does not exist` };
  // A device or a pipe named as a copy would be read for ever.
  if (!info.isFile()) return { ok: false, missing: false, reason: `${file} is not a regular file` };
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of createReadStream(resolved.path)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, missing: false, reason: `${file} cannot be read (${code})` };
  }
  return { ok: true, sha256: hash.digest("hex"), size };
}
