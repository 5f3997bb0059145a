// Cited documents' text, parsed once per content hash: in memory for a process, on disk across runs.
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../export/atomic-write.js";
import type { CitedText, Source } from "../model/index.js";
import { loadCitedTexts, type ParsedCited, parseCitedBytes } from "./cited/index.js";

/** Bump when extraction changes, so stale cached text is never matched against. */
const CACHE_FORMAT = 4; // 4: PDFs read by layout (running text in reading order, asides); saved pages: footnote marks, sniffed charsets
export const CITED_CACHE_DIR = ".collateral-cache/cited";

export class CitedTextStore {
  private readonly memory = new Map<string, ParsedCited>();
  /** The local copies (as the registry names them, relative to sources/) that the last load actually parsed. */
  lastParsedFiles: string[] = [];
  /** Documents parsed over the store's life: watch mode and its tests observe re-parsing with it. */
  totalParsed = 0;

  constructor(
    readonly root: string,
    private readonly options: { persistent: boolean },
  ) {}

  /** How many documents the last load actually parsed (neither memory nor disk had them). */
  get lastParsed(): number {
    return this.lastParsedFiles.length;
  }

  /** The texts of the registry's documents; `more` adds to what the run's earlier load parsed, rather than starting anew. */
  async load(
    registry: Source[],
    options: { more?: boolean } = {},
  ): Promise<Map<string, CitedText>> {
    if (!options.more) this.lastParsedFiles = [];
    return loadCitedTexts(path.join(this.root, "sources"), registry, (bytes, file, hash) =>
      this.parsed(bytes, file, hash),
    );
  }

  private async parsed(bytes: Uint8Array, file: string, hash: string): Promise<ParsedCited> {
    // The extension decides PDF vs HTML, so it is part of the key.
    const key = `${hash}${path.extname(file).toLowerCase()}`;
    const known = this.memory.get(key) ?? (await this.fromDisk(key));
    if (known) {
      this.memory.set(key, known);
      return known;
    }
    const parsed = await parseCitedBytes(bytes, file);
    this.lastParsedFiles.push(
      path.relative(path.join(this.root, "sources"), file).split(path.sep).join("/"),
    );
    this.totalParsed++;
    this.memory.set(key, parsed);
    await this.toDisk(key, parsed);
    return parsed;
  }

  private diskPath(key: string): string {
    return path.join(this.root, CITED_CACHE_DIR, `v${CACHE_FORMAT}-${key}.json`);
  }

  private async fromDisk(key: string): Promise<ParsedCited | null> {
    if (!this.options.persistent) return null;
    try {
      const value = JSON.parse(await readFile(this.diskPath(key), "utf8")) as ParsedCited;
      const valid = value.ok ? Array.isArray(value.pages) : typeof value.reason === "string";
      return valid ? value : null;
    } catch {
      return null; // absent or corrupt: parse again
    }
  }

  private async toDisk(key: string, parsed: ParsedCited): Promise<void> {
    if (!this.options.persistent) return;
    try {
      await mkdir(path.dirname(this.diskPath(key)), { recursive: true });
      await writeFileAtomic(this.diskPath(key), JSON.stringify(parsed));
    } catch {
      // A read-only checkout still works, just without the cache.
    }
  }
}
