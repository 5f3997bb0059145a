// Cited documents' text, parsed once per content hash: in memory for a process, on disk across runs (sealed, see cited-cache.ts).
import path from "node:path";
import type { CitedText, Source } from "../model/index.js";
import {
  DEFAULT_READ_LIMITS,
  hashBytes,
  loadCitedTexts,
  type OpenBrowser,
  type ParsedCited,
  parseCitedBytes,
  type ReadLimits,
} from "./cited/index.js";
import { CITED_CACHE_DIR, CitedCache, type TrustCachedText } from "./cited-cache.js";

export { CITED_CACHE_DIR } from "./cited-cache.js";

export interface CitedTextStoreOptions {
  /** Keep parsed texts on disk under .collateral-cache/ between runs. */
  persistent: boolean;
  /** The bounds each document is read within. */
  limits?: ReadLimits;
  /** Whether a cached text may be used (the hook for a committed lock's text fingerprints). */
  trust?: TrustCachedText;
  /**
   * The browser saved pages are read in, so that what their styles hide is left out. Without one (or
   * when it cannot start) a page is read by parsing its markup alone, and `readWithoutBrowser` says so.
   */
  browser?: OpenBrowser;
}

export class CitedTextStore {
  private readonly memory = new Map<string, ParsedCited>();
  /** The local copies (as the registry names them, relative to sources/) that the last load actually parsed. */
  lastParsedFiles: string[] = [];
  /** Documents parsed over the store's life: watch mode and its tests observe re-parsing with it. */
  totalParsed = 0;
  /** Saved pages the last load read by parsing alone, the browser having failed to start, and why it failed. */
  readWithoutBrowser: { file: string; why: string }[] = [];

  private readonly disk: CitedCache | null;
  private swept = false;

  constructor(
    readonly root: string,
    private readonly options: CitedTextStoreOptions,
  ) {
    this.disk = options.persistent
      ? new CitedCache(path.join(root, CITED_CACHE_DIR), options.trust)
      : null;
  }

  /** How many documents the last load actually parsed (neither memory nor disk had them). */
  get lastParsed(): number {
    return this.lastParsedFiles.length;
  }

  /** The texts of the registry's documents; `more` adds to what the run's earlier load parsed, rather than starting anew. */
  async load(
    registry: Source[],
    options: { more?: boolean } = {},
  ): Promise<Map<string, CitedText>> {
    if (!options.more) {
      this.lastParsedFiles = [];
      this.readWithoutBrowser = [];
    }
    return loadCitedTexts(
      path.join(this.root, "sources"),
      registry,
      (bytes, file, hash) => this.parsed(bytes, file, hash),
      this.options.limits ?? DEFAULT_READ_LIMITS,
    );
  }

  /**
   * Bytes that are not the local copy (what a URL serves now, for `check --live` and `fetch`), read with the
   * same readers and limits, and cached by content like any copy. `name` lends its extension (PDF or page).
   */
  readBytes(bytes: Uint8Array, name: string): Promise<ParsedCited> {
    return this.parsed(bytes, path.join(this.root, "sources", name), hashBytes(bytes));
  }

  private async parsed(bytes: Uint8Array, file: string, hash: string): Promise<ParsedCited> {
    // The extension decides PDF vs HTML, so it is part of the key.
    const extension = path.extname(file).toLowerCase();
    const key = `${hash}${extension}`;
    if (this.disk && !this.swept) {
      this.swept = true;
      await this.disk.sweep();
    }
    const known = this.memory.get(key) ?? (await this.disk?.get(hash, extension)) ?? null;
    if (known) {
      this.memory.set(key, known);
      return known;
    }
    const shown = path.relative(path.join(this.root, "sources"), file).split(path.sep).join("/");
    let noBrowser: string | null = null;
    const browser = this.options.browser;
    const parsed = await parseCitedBytes(
      bytes,
      file,
      this.options.limits ?? DEFAULT_READ_LIMITS,
      browser &&
        (() =>
          browser().catch((error: unknown) => {
            noBrowser = error instanceof Error ? error.message : String(error);
            throw error;
          })),
    );
    if (noBrowser !== null) this.readWithoutBrowser.push({ file: shown, why: noBrowser });
    this.lastParsedFiles.push(shown);
    this.totalParsed++;
    // A document that took too long or too much memory might read at another time, and a page read
    // without its browser reads otherwise with it: only texts and reasons that come from the bytes
    // themselves, as they are always read, are kept.
    if (
      noBrowser === null &&
      (parsed.ok || !/took longer than|of memory|reader process/.test(parsed.reason))
    ) {
      this.memory.set(key, parsed);
      await this.disk?.set(hash, extension, parsed);
    }
    return parsed;
  }
}
