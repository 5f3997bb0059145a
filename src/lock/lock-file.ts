// Reading and writing `sources/sources.lock`: JSON in a stable order, so a change to it reads as a small diff in review.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../export/atomic-write.js";
import {
  CollateralError,
  LOCK_FILE,
  LOCK_VERSION,
  type LockEntry,
  type LockFile,
  LockFileSchema,
} from "../model/index.js";
import { lockedEntry, sourcesRecord } from "./entry.js";

/** The lock, or null when the workspace has none yet. Invalid JSON or an entry of the wrong shape is bad input (exit 2). */
export async function readLock(root: string): Promise<LockFile | null> {
  let text: string;
  try {
    text = await readFile(path.join(root, LOCK_FILE), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    throw lockError(`cannot read ${LOCK_FILE} (${code ?? String(error)})`, 1, 1);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const { line, column } = syntaxPosition(text, error);
    const why =
      error instanceof Error ? error.message.replace(/ in JSON at position \d+.*$/, "") : "";
    throw lockError(
      `${LOCK_FILE} is not valid JSON (${why}); run \`collateral fetch --local\` to write it again`,
      line,
      column,
    );
  }
  const parsed = LockFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    const { line, column } = keyPosition(text, issue?.path ?? []);
    throw lockError(
      `${LOCK_FILE}: ${where ? `${where}: ` : ""}${issue?.message ?? "not a lock file"} (lockVersion ${LOCK_VERSION} expected)`,
      line,
      column,
    );
  }
  return { ...parsed.data, sources: sourcesRecord(Object.entries(parsed.data.sources)) };
}

/** Write the lock atomically: entries in id order, each entry's fields in a fixed order. */
export async function writeLock(root: string, lock: LockFile): Promise<void> {
  await writeFileAtomic(path.join(root, LOCK_FILE), formatLock(lock));
}

export function formatLock(lock: LockFile): string {
  const ids = Object.keys(lock.sources).sort();
  const sources = Object.fromEntries(
    ids.flatMap((id) => {
      const entry = lockedEntry(lock, id);
      return entry ? [[id, ordered(entry)]] : [];
    }),
  );
  return `${JSON.stringify({ lockVersion: LOCK_VERSION, sources }, null, 2)}\n`;
}

function ordered(e: LockEntry): LockEntry {
  return {
    file: e.file,
    sha256: e.sha256,
    size: e.size,
    url: e.url,
    finalUrl: e.finalUrl,
    etag: e.etag,
    lastModified: e.lastModified,
    contentType: e.contentType,
    fetched: e.fetched,
    quotes: e.quotes.map((q) => ({
      quote: q.quote,
      exact: q.exact,
      prefix: q.prefix,
      suffix: q.suffix,
      pages: q.pages,
    })),
  };
}

export function emptyLock(): LockFile {
  return { lockVersion: LOCK_VERSION, sources: sourcesRecord() };
}

function lockError(message: string, line: number, column: number): CollateralError {
  return new CollateralError(message, {
    position: { file: LOCK_FILE, line, column },
    rule: "lock",
  });
}

/** Line and column of a JSON.parse error ("… at position 12", Node 20), else the start. */
function syntaxPosition(text: string, error: unknown): { line: number; column: number } {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  return at ? lineColumn(text, Number(at[1])) : { line: 1, column: 1 };
}

/** Where the innermost key of a schema issue's path is written, found by its quoted name (good enough to point at). */
function keyPosition(text: string, keys: (string | number)[]): { line: number; column: number } {
  let from = 0;
  for (const key of keys) {
    if (typeof key === "number") continue;
    const at = text.indexOf(JSON.stringify(key), from);
    if (at < 0) break;
    from = at;
  }
  return lineColumn(text, from);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
