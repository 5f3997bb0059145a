// Every registry entry's local copy against its lock entry: locked, modified since, never locked, or missing.
import path from "node:path";
import { REGISTRY_FILE } from "../ingest/registry.js";
import {
  LOCK_FILE,
  type LockFile,
  type Message,
  type Source,
  type SourceResult,
} from "../model/index.js";
import { entryMismatch, lockedEntry } from "./entry.js";
import { hashLocalCopy } from "./hash-file.js";
import { registryPositions } from "./registry-positions.js";

export async function checkLock(
  root: string,
  registry: Source[],
  lock: LockFile | null,
  /** The sha256 of copies this run has already read (the cited ones): a copy matching its lock is not read again. */
  known: ReadonlyMap<string, string | null> = new Map(),
): Promise<SourceResult[]> {
  const sourcesDir = path.join(root, "sources");
  const positions = await registryPositions(root);
  return Promise.all(
    registry.map(async (source): Promise<SourceResult> => {
      const entry = lockedEntry(lock, source.id);
      const seen = known.get(source.id);
      const local =
        seen && entry && seen === entry.sha256
          ? { ok: true as const, sha256: seen, size: entry.size }
          : await hashLocalCopy(sourcesDir, source.file);
      const base = {
        id: source.id,
        file: source.file,
        url: source.url,
        sha256: local.ok ? local.sha256 : null,
        lockedSha256: entry?.sha256 ?? null,
        ...(positions.has(source.id) && { position: positions.get(source.id) }),
      };
      if (!local.ok) {
        const fix = local.missing ? `; \`collateral fetch ${source.id}\` downloads it` : "";
        return { ...base, lock: "missing", reason: `${local.reason}${fix}` };
      }
      if (!entry) {
        const why = lock ? `${source.id} has no entry in ${LOCK_FILE}` : `there is no ${LOCK_FILE}`;
        return {
          ...base,
          lock: "unlocked",
          reason: `${why}: nothing records which bytes were quoted. \`collateral fetch ${source.id}\` downloads and locks it; \`collateral fetch --local ${source.id}\` locks the copy as it stands`,
        };
      }
      const mismatch = entryMismatch(entry, source);
      if (mismatch) {
        const same = entry.sha256 === local.sha256 ? "these bytes" : "other bytes";
        return {
          ...base,
          lock: "stale",
          reason: `${mismatch}: the lock holds ${same} as that document's, so the quotes are verified against what the citation no longer names. \`collateral fetch ${source.id}\` downloads what the registry cites and locks it; \`collateral fetch --local ${source.id}\` says this copy stands for it`,
        };
      }
      if (entry.sha256 !== local.sha256) {
        return {
          ...base,
          lock: "modified",
          reason: `the local copy ${source.file} is not the one locked (sha256 ${short(entry.sha256)}…, ${entry.size} bytes; now ${short(local.sha256)}…, ${local.size} bytes): it was edited or replaced by hand. \`collateral fetch --update ${source.id}\` takes the live version, \`collateral fetch --local ${source.id}\` locks this one`,
        };
      }
      return { ...base, lock: "locked", reason: "" };
    }),
  );
}

/** Warnings for sources nothing locks, when the workspace has a lock (a workspace without one gets a single line). */
export function lockMessages(results: SourceResult[], lock: LockFile | null): Message[] {
  const lockStart = { file: LOCK_FILE, line: 1, column: 1 };
  if (!lock) {
    if (!results.length) return [];
    return [
      {
        position: { file: REGISTRY_FILE, line: 1, column: 1 },
        reason: `no ${LOCK_FILE}: the cited documents' bytes are not locked, so an edited copy would go unnoticed. \`collateral fetch\` downloads and locks them (\`--local\` locks the copies as they stand)`,
        rule: "lock-missing",
      },
    ];
  }
  return results
    .filter((r) => r.lock === "unlocked")
    .map((r) => ({
      position: r.position ?? lockStart,
      reason: r.reason,
      rule: "lock-entry-missing",
    }));
}

function short(hash: string): string {
  return hash.slice(0, 12);
}
