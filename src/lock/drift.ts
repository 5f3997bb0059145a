// For build, serve and watch: one warning per cited copy that is not the one its lock entry holds, so nobody prints from an edited copy unknowingly.
import { type CitedText, LOCK_FILE, type Message, type Source } from "../model/index.js";
import { entryMismatch, lockedEntry } from "./entry.js";
import { readLock } from "./lock-file.js";
import { registryPositions } from "./registry-positions.js";

/**
 * Compares the hashes the run already has (each text's `hash` is its bytes' sha256) with the lock: no file
 * is read again. Not a failure: `check` is the gate; a lock that cannot be read is its to report.
 */
export async function lockDrift(
  root: string,
  registry: readonly Source[],
  texts: ReadonlyMap<string, CitedText>,
): Promise<Message[]> {
  const lock = await readLock(root).catch(() => null);
  if (!lock) return [];
  const drifted = registry.flatMap((source) => {
    const entry = lockedEntry(lock, source.id);
    const hash = texts.get(source.id)?.hash;
    if (!entry || !hash) return [];
    const mismatch = entryMismatch(entry, source);
    if (hash !== entry.sha256) {
      return [{ source, why: `is not the copy locked in ${LOCK_FILE} (edited or replaced since)` }];
    }
    return mismatch ? [{ source, why: `is locked for another document: ${mismatch}` }] : [];
  });
  if (!drifted.length) return [];
  const positions = await registryPositions(root);
  return drifted.map(({ source, why }) => ({
    position: positions.get(source.id) ?? { file: LOCK_FILE, line: 1, column: 1 },
    reason: `the local copy ${source.file} ${why}: this prints from it; \`collateral check\` says more`,
    rule: "lock-drift",
  }));
}
