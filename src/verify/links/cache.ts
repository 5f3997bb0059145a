// The result cache between runs: `.collateral-cache/links.json`, keyed by URL, written atomically.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isAcceptedStatus, type Verdict } from "./classify.js";

export const CACHE_DIR = ".collateral-cache";
export const CACHE_FILE = "links.json";

/**
 * Only `ok` and `redirected` results are cached, for the TTL. Failures are never cached: a broken
 * link is what the author is fixing, and a timeout or 5xx is often gone on the next run.
 */
const EntrySchema = z.object({
  status: z.enum(["ok", "redirected"]),
  httpStatus: z.number().int().nullable(),
  finalUrl: z.string().nullable(),
  reason: z.string(),
  checkedAt: z.number(),
  /** Checked with private addresses allowed: such a result must not answer a strict run. */
  relaxed: z.boolean(),
});
type Entry = z.infer<typeof EntrySchema>;

const FileSchema = z.object({ version: z.literal(1), entries: z.record(EntrySchema) });

export interface CachePolicy {
  ttlMs: number;
  relaxed: boolean;
  acceptStatus: readonly number[];
  now: () => number;
}

export class LinkCache {
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, Entry>,
    private readonly policy: CachePolicy,
  ) {}

  /** Load the cache under `root`; a missing, unreadable or corrupt file is an empty cache. */
  static async load(root: string, policy: CachePolicy): Promise<LinkCache> {
    const file = path.join(root, CACHE_DIR, CACHE_FILE);
    const entries = new Map<string, Entry>();
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
      if (parsed.success)
        for (const [url, e] of Object.entries(parsed.data.entries)) entries.set(url, e);
    } catch {
      // Missing or corrupt: start afresh. The cache only ever saves time.
    }
    return new LinkCache(file, entries, policy);
  }

  /** A fresh result for `url` that still holds under this run's policy, or null. */
  get(url: string): Verdict | null {
    const entry = this.entries.get(url);
    if (!entry || !isFresh(entry.checkedAt, this.policy)) return null;
    if (entry.relaxed && !this.policy.relaxed) return null;
    // Re-judge the stored status: the accepted list may have changed since it was cached.
    if (
      entry.httpStatus !== null &&
      !isAcceptedStatus(entry.httpStatus, this.policy.acceptStatus)
    ) {
      return null;
    }
    const { status, httpStatus, finalUrl, reason } = entry;
    return { status, httpStatus, finalUrl, reason };
  }

  set(url: string, verdict: Verdict): void {
    if (verdict.status !== "ok" && verdict.status !== "redirected") {
      this.dirty = this.entries.delete(url) || this.dirty;
      return;
    }
    const { httpStatus, finalUrl, reason } = verdict;
    const checkedAt = this.policy.now();
    this.entries.set(url, {
      status: verdict.status,
      httpStatus,
      finalUrl,
      reason,
      checkedAt,
      relaxed: this.policy.relaxed,
    });
    this.dirty = true;
  }

  /** Write the entries still fresh, atomically; a cache that cannot be written is not an error. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const now = this.policy.now();
    const fresh = [...this.entries].filter(([, e]) =>
      isFresh(e.checkedAt, { ...this.policy, now: () => now }),
    );
    const data = { version: 1, entries: Object.fromEntries(fresh) };
    await writeAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`).catch(() => undefined);
    this.dirty = false;
  }
}

/** Temp file in the same folder, then rename: a reader sees the old cache or the new one. */
async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Checked within the TTL, and not in the future: a date ahead of the clock (a clock set back, a cache file
 * written by hand) would otherwise keep an entry fresh for ever. */
function isFresh(checkedAt: number, policy: { now: () => number; ttlMs: number }): boolean {
  const age = policy.now() - checkedAt;
  return age >= 0 && age < policy.ttlMs;
}
