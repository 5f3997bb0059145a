// A workspace image's bytes for copying: exactly those judged when the workspace loaded, or a refusal.
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { CollateralError, MAX_IMAGE_BYTES } from "../model/index.js";
import type { Asset } from "../render/index.js";

/**
 * The file's bytes when they hash to `asset.sha256`. The file was judged (inside the workspace, a real
 * image) when the workspace loaded; whatever the path leads to now — a file replaced, a link swapped in,
 * a named pipe — only those same bytes are ever copied, so nothing from outside can be printed.
 */
export async function readJudged(asset: Asset & { sha256: string }): Promise<Buffer> {
  const changed = (why: string) =>
    new CollateralError(
      `image ${asset.path} ${why} since the workspace was loaded; nothing of it was copied (build again)`,
      { rule: "image-changed", exitCode: 1 },
    );
  // Non-blocking: a named pipe swapped in must not hold the build waiting for a writer.
  const handle = await open(asset.path, constants.O_RDONLY | constants.O_NONBLOCK).catch(
    () => null,
  );
  if (!handle) throw changed("is gone or unreadable");
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_IMAGE_BYTES) throw changed("is no longer the same file");
    const bytes = Buffer.alloc(info.size);
    let length = 0;
    while (length < bytes.length) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    const read = bytes.subarray(0, length);
    if (createHash("sha256").update(read).digest("hex") !== asset.sha256)
      throw changed("has changed");
    return read;
  } finally {
    await handle.close();
  }
}

/** Whether `asset` carries the hash of judged bytes (a workspace image) rather than being a theme file. */
export function isJudged(asset: Asset): asset is Asset & { sha256: string } {
  return typeof asset.sha256 === "string";
}
