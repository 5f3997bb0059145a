// What the lock says about one registry entry: its entry (by own key only), whether it still describes the entry, its validators.
import path from "node:path";
import type { Validators } from "../fetch/download.js";
import { canonicalUrl } from "../ingest/registry.js";
import type { LockEntry, LockFile, Source } from "../model/index.js";

/**
 * The lock entry for a registry id, or null. Own keys only: an id such as `constructor` or `toString`
 * must never find what every object inherits.
 */
export function lockedEntry(lock: LockFile | null, id: string): LockEntry | null {
  if (!lock || !Object.hasOwn(lock.sources, id)) return null;
  return lock.sources[id] ?? null;
}

/** Entries by id in an object without a prototype, so that no id can reach an inherited property. */
export function sourcesRecord(entries: Iterable<[string, LockEntry]> = []): LockFile["sources"] {
  const record = Object.create(null) as LockFile["sources"];
  for (const [id, entry] of entries) record[id] = entry;
  return record;
}

/** How the lock entry no longer describes the registry entry (another URL, another file), or null when it does. */
export function entryMismatch(entry: LockEntry, source: Source): string | null {
  if (canonicalUrl(entry.url) !== canonicalUrl(source.url)) {
    return `the lock records ${entry.url}, but the registry now cites ${source.url}`;
  }
  if (!sameFile(entry.file, source.file)) {
    return `the lock records the local copy ${entry.file}, but the registry now names ${source.file}`;
  }
  return null;
}

function sameFile(a: string, b: string): boolean {
  return (
    path.posix.normalize(a.replace(/\\/g, "/")) === path.posix.normalize(b.replace(/\\/g, "/"))
  );
}

/**
 * The validators to send, and the one URL to send them to: the URL that gave them (the locked final URL).
 * None for a copy collateral never downloaded, or a server that gave none.
 */
export function validatorsOf(entry: LockEntry): Validators | undefined {
  if (!entry.finalUrl || (!entry.etag && !entry.lastModified)) return undefined;
  return { etag: entry.etag, lastModified: entry.lastModified, url: entry.finalUrl };
}
