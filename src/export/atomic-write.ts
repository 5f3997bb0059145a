// Atomic file writes: a reader sees the old file or the new one, never a partial one.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { CollateralError, shownPath } from "../model/index.js";

/** mkdir -p the folder, write a temp file beside the target, fsync it, then rename over the target. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeAtomically(file, data);
  } catch (error) {
    throw unwritable(file, error);
  }
}

/**
 * Refuses, before anything is written, targets that cannot be written: a folder where a file goes, a file
 * where a folder goes. A build checks all its targets first, so it never leaves output/ half new.
 */
export async function assertWritable(files: string[]): Promise<void> {
  for (const file of files) {
    const [target, dir] = await Promise.all([
      stat(file).catch(() => null),
      stat(path.dirname(file)).catch(() => null),
    ]);
    if (target?.isDirectory())
      throw unwritable(file, Object.assign(new Error(), { code: "EISDIR" }));
    if (dir && !dir.isDirectory())
      throw unwritable(file, Object.assign(new Error(), { code: "ENOTDIR" }));
  }
}

/** A write the file system refuses, as the author reads it (exit 2), with the path; anything else as it was. */
function unwritable(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    EISDIR: "a folder is in the way",
    ENOTDIR: "a file is in the way of its folder",
    EEXIST: "a file is in the way of its folder",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    ENOSPC: "the disk is full",
  };
  const reason = code ? why[code] : undefined;
  if (!reason) return error;
  return new CollateralError(`cannot write ${shownPath(file)}: ${reason}`, {
    rule: "output",
    cause: error,
  });
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/** fsync the folder so the rename itself is durable; some platforms refuse, which is harmless. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** The temp files writeFileAtomic names: `.<target>.<pid>.<12 hex>.tmp`. */
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes, in `dir`, temp files an interrupted write left: those of a process that is gone, or older
 * than an hour. A running process's own temp files are left alone.
 */
export async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const pid = TEMP.exec(name)?.[1];
      if (pid === undefined) return;
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      if (!info) return;
      if (isRunning(Number(pid)) && Date.now() - info.mtimeMs < 3_600_000) return;
      await rm(file, { force: true });
    }),
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
