// Cited documents' text, parsed once per content hash: in memory for a process, on disk across runs.
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../export/atomic-write.js";
import type { CitedText, Source } from "../model/index.js";
import { hashBytes, parseCitedBytes } from "./cited/index.js";

/** Bump when extraction changes, so stale cached text is never matched against. */
const CACHE_FORMAT = 1;
export const CITED_CACHE_DIR = ".collateral-cache/cited";

type Parsed = Awaited<ReturnType<typeof parseCitedBytes>>;

export class CitedTextStore {
  private readonly memory = new Map<string, Parsed>();
  /** How many documents the last load actually parsed (neither memory nor disk had them). */
  lastParsed = 0;

  constructor(
    readonly root: string,
    private readonly options: { persistent: boolean },
  ) {}

  async load(registry: Source[]): Promise<Map<string, CitedText>> {
    this.lastParsed = 0;
    const entries = await Promise.all(
      registry.map(async (s) => [s.id, await this.text(s)] as const),
    );
    return new Map(entries);
  }

  private async text(source: Source): Promise<CitedText> {
    const sourcesDir = path.join(this.root, "sources");
    const file = path.resolve(sourcesDir, source.file);
    if (!file.startsWith(sourcesDir + path.sep)) {
      return unreadable(source.id, "html", null, `file ${source.file} is outside sources/`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      return unreadable(
        source.id,
        "missing",
        null,
        `the local copy sources/${source.file} does not exist`,
      );
    }
    const hash = hashBytes(bytes);
    const parsed = await this.parsed(hash, bytes, file);
    return parsed.ok
      ? { readable: true, source: source.id, kind: parsed.kind, pages: parsed.pages, hash }
      : unreadable(source.id, parsed.kind, hash, parsed.reason);
  }

  private async parsed(hash: string, bytes: Uint8Array, file: string): Promise<Parsed> {
    const key = `${hash}.${path.extname(file).toLowerCase()}`;
    const known = this.memory.get(key) ?? (await this.fromDisk(key));
    if (known) {
      this.memory.set(key, known);
      return known;
    }
    const parsed = await parseCitedBytes(bytes, file);
    this.lastParsed++;
    this.memory.set(key, parsed);
    await this.toDisk(key, parsed);
    return parsed;
  }

  private diskPath(key: string): string {
    return path.join(this.root, CITED_CACHE_DIR, `v${CACHE_FORMAT}-${key}.json`);
  }

  private async fromDisk(key: string): Promise<Parsed | null> {
    if (!this.options.persistent) return null;
    try {
      return JSON.parse(await readFile(this.diskPath(key), "utf8")) as Parsed;
    } catch {
      return null; // absent or corrupt: parse again
    }
  }

  private async toDisk(key: string, parsed: Parsed): Promise<void> {
    if (!this.options.persistent) return;
    try {
      await mkdir(path.dirname(this.diskPath(key)), { recursive: true });
      await writeFileAtomic(this.diskPath(key), JSON.stringify(parsed));
    } catch {
      // A read-only checkout still works, just without the cache.
    }
  }
}

function unreadable(
  source: string,
  kind: "pdf" | "html" | "missing",
  hash: string | null,
  reason: string,
): CitedText {
  return { readable: false, source, kind, reason, hash };
}
