// The parsed-document cache on disk: a speed-up, never evidence. Entries are checked, sealed, and bound to the file's bytes.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { removeStaleTemps, writeFileAtomic } from "../export/atomic-write.js";
import { AsideSchema } from "../model/index.js";
import type { ParsedCited } from "./cited/index.js";

/** Bump when extraction changes, so stale cached text is never matched against. */
export const CACHE_FORMAT = 6; // 6: saved pages read in Chromium; 5: sealed entries; 4: PDFs read by layout (running text, asides)
export const CITED_CACHE_DIR = ".collateral-cache/cited";

const ParsedSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    kind: z.enum(["pdf", "html"]),
    pages: z.array(z.string()),
    asides: z.array(AsideSchema).optional(),
  }),
  z.object({ ok: z.literal(false), kind: z.enum(["pdf", "html"]), reason: z.string() }),
]);

const EntrySchema = z.object({
  format: z.literal(CACHE_FORMAT),
  /** sha256 of the bytes the text was read from. */
  file: z.string().regex(/^[0-9a-f]{64}$/),
  parsed: ParsedSchema,
  /** HMAC-SHA256 of the above under this machine's cache key. */
  seal: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * Whether a cached text may stand in for reading the file again: the hook for a lock that records
 * each source's text fingerprint (a text that disagrees with the committed lock is not trusted).
 */
export type TrustCachedText = (fileHash: string, parsed: ParsedCited) => boolean;

/**
 * A cache entry is used only when it has the right shape (else it is a miss, never a crash), was read
 * from these very bytes, and carries the seal of this machine's cache key: a key kept outside the
 * workspace (`~/.cache/collateral/cache-key`, or `COLLATERAL_CACHE_KEY`), so that an entry edited by
 * hand, or restored from another machine's CI cache, is read again instead of being believed.
 */
export class CitedCache {
  private key: Promise<Buffer | null> | null = null;

  constructor(
    private readonly dir: string,
    private readonly trust: TrustCachedText = () => true,
  ) {}

  async get(fileHash: string, extension: string): Promise<ParsedCited | null> {
    const key = await this.sealKey();
    if (!key) return null;
    let entry: z.infer<typeof EntrySchema>;
    try {
      const raw: unknown = JSON.parse(await readFile(this.file(fileHash, extension), "utf8"));
      const checked = EntrySchema.safeParse(raw);
      if (!checked.success) return null;
      entry = checked.data;
    } catch {
      return null; // absent or not JSON: read the file again
    }
    if (entry.file !== fileHash) return null;
    const expected = seal(key, fileHash, extension, entry.parsed);
    const given = Buffer.from(entry.seal, "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const parsed = entry.parsed as ParsedCited;
    return this.trust(fileHash, parsed) ? parsed : null;
  }

  async set(fileHash: string, extension: string, parsed: ParsedCited): Promise<void> {
    const key = await this.sealKey();
    if (!key) return;
    const entry = {
      format: CACHE_FORMAT,
      file: fileHash,
      parsed,
      seal: seal(key, fileHash, extension, parsed).toString("hex"),
    };
    try {
      await writeFileAtomic(this.file(fileHash, extension), JSON.stringify(entry));
    } catch {
      // A read-only checkout still works, just without the cache.
    }
  }

  /** Temp files an interrupted run left in the cache. */
  async sweep(): Promise<void> {
    await removeStaleTemps(this.dir);
  }

  private file(fileHash: string, extension: string): string {
    return path.join(this.dir, `v${CACHE_FORMAT}-${fileHash}${extension}.json`);
  }

  private sealKey(): Promise<Buffer | null> {
    this.key ??= cacheKey();
    return this.key;
  }
}

function seal(key: Buffer, fileHash: string, extension: string, parsed: unknown): Buffer {
  return createHmac("sha256", key)
    .update(JSON.stringify([CACHE_FORMAT, fileHash, extension, parsed]))
    .digest();
}

/** This machine's cache key: from COLLATERAL_CACHE_KEY, else a file made once under the user's cache folder; null when neither can be had. */
async function cacheKey(): Promise<Buffer | null> {
  const given = process.env.COLLATERAL_CACHE_KEY;
  if (given) return Buffer.from(given, "utf8");
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  const file = path.join(base, "collateral", "cache-key");
  try {
    const key = await readFile(file);
    if (key.length >= 32) return key;
  } catch {
    // made below
  }
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    await writeFile(file, key, { mode: 0o600, flag: "wx" }).catch(async () => undefined);
    const stored = await readFile(file);
    return stored.length >= 32 ? stored : null;
  } catch {
    return null;
  }
}
