// Reading a file the author names, at most so many bytes: /dev/zero or a 10 GB log is refused, not read to the end.
import { constants } from "node:fs";
import { open } from "node:fs/promises";

export type BoundedRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: "too-large"; size: number; code?: undefined }
  | { ok: false; reason: "not-a-file"; code?: undefined }
  | { ok: false; reason: "unreadable"; code: string | undefined };

/** The file's bytes when it is a regular file of at most `maxBytes`; never reads more than one byte past that. */
export async function readBounded(file: string, maxBytes: number): Promise<BoundedRead> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // Non-blocking: a named pipe opens at once (and is refused below) instead of waiting for a writer for ever.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: "unreadable", code: (error as NodeJS.ErrnoException).code };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, reason: "unreadable", code: "EISDIR" };
    if (!info.isFile()) return { ok: false, reason: "not-a-file" };
    if (info.size > maxBytes) return { ok: false, reason: "too-large", size: info.size };
    // Should it grow while it is read, no more than one byte past the limit is read.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, info.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { ok: false, reason: "too-large", size: length };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: "unreadable", code: (error as NodeJS.ErrnoException).code };
  } finally {
    await handle.close();
  }
}
