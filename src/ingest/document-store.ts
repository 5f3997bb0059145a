// Source Markdown and the registry, re-parsed only when their text changed (watch mode and the portal re-use it).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { CollateralError, type Registry } from "../model/index.js";
import { readBounded } from "./bounded-read.js";
import { checkImages } from "./images.js";
import { parseSourceDocument, type SourceDocument } from "./markdown/source-document.js";

/** The largest source document parsed: Markdown's parse takes seconds and gigabytes past this. */
const MAX_SOURCE_BYTES = 5_000_000;

import { loadRegistry } from "./registry.js";
import { assembleWorkspace, type LoadedWorkspace, SOURCES_DIR } from "./workspace.js";

export class SourceDocumentStore {
  private readonly parsed = new Map<string, { text: string; doc: SourceDocument }>();
  private registry: { text: string; value: Registry } | null = null;
  /** The Markdown files (relative to the root) that the last load actually parsed; the rest came from memory. */
  lastParsedFiles: string[] = [];
  /** Markdown files parsed over the store's life: watch mode and its tests observe re-parsing with it. */
  totalParsed = 0;
  /** Changes whenever anything loaded differs from the previous load. */
  generation = 0;
  private lastKey = "";
  private registryParsed = false;

  constructor(readonly root: string) {}

  /** How many Markdown files the last load actually parsed. */
  get lastParsed(): number {
    return this.lastParsedFiles.length;
  }

  /** Whether the last load parsed sources.yaml again (it changed, or it was the first load). */
  get registryReparsed(): boolean {
    return this.registryParsed;
  }

  async load(): Promise<LoadedWorkspace> {
    const files = await this.listFiles();
    this.lastParsedFiles = [];
    this.registryParsed = false;
    const [registry, documents] = await Promise.all([
      this.loadRegistry(),
      Promise.all(files.map((file) => this.loadDocument(file))),
    ]);
    for (const known of this.parsed.keys()) if (!files.includes(known)) this.parsed.delete(known);
    const assembled = assembleWorkspace(this.root, documents, registry);
    // Images are looked up on every load: one added or removed changes the model as an edit would.
    const images = await checkImages(this.root, assembled.model.claims);
    const key = `${files.join("|")}\n${images.key}`;
    if (this.lastParsed > 0 || this.registryParsed || key !== this.lastKey) this.generation++;
    this.lastKey = key;
    return {
      ...assembled,
      model: { ...assembled.model, claims: images.claims },
      messages: [...assembled.messages, ...images.messages],
    };
  }

  private async loadDocument(file: string): Promise<SourceDocument> {
    const text = await readSourceText(path.join(this.root, file), file);
    const cached = this.parsed.get(file);
    if (cached?.text === text) return cached.doc;
    const doc = parseSourceDocument(file, text);
    this.lastParsedFiles.push(file);
    this.totalParsed++;
    this.parsed.set(file, { text, doc });
    return doc;
  }

  private async loadRegistry(): Promise<Registry> {
    const text = await readFile(path.join(this.root, SOURCES_DIR, "sources.yaml"), "utf8").catch(
      () => null,
    );
    if (text !== null && this.registry?.text === text) return this.registry.value;
    const value = await loadRegistry(this.root);
    this.registryParsed = true;
    this.registry = text === null ? null : { text, value };
    return value;
  }

  private async listFiles(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(path.join(this.root, SOURCES_DIR));
    } catch {
      throw new CollateralError(
        `no ${SOURCES_DIR}/ folder in ${this.root}: run collateral in a workspace, or pass --root DIR`,
      );
    }
    const md = names.filter((n) => n.endsWith(".md") && !/^readme\.md$/i.test(n)).sort();
    if (md.length === 0) throw new CollateralError(`no source documents (*.md) in ${SOURCES_DIR}/`);
    return md.map((n) => `${SOURCES_DIR}/${n}`);
  }
}

/**
 * A source document's text. A folder named like one, an unreadable file, or bytes that are not UTF-8
 * (a Latin-1 or UTF-16 export) are the author's to fix, reported with the file and, for bad bytes, the line.
 */
async function readSourceText(absolute: string, file: string): Promise<string> {
  const read = await readBounded(absolute, MAX_SOURCE_BYTES);
  if (!read.ok) {
    const why =
      read.reason === "too-large"
        ? `larger than ${MAX_SOURCE_BYTES / 1e6} MB: a claims document is a few pages; split it, or move data out of it`
        : read.reason === "not-a-file"
          ? "not a regular file (a device or a pipe)"
          : read.code === "EISDIR"
            ? "it is a folder, not a Markdown file"
            : read.code === "EACCES" || read.code === "EPERM"
              ? "cannot be read (permission denied)"
              : `cannot be read (${read.code})`;
    throw new CollateralError(why, { position: { file, line: 1, column: 1 }, rule: "input" });
  }
  const bytes = read.bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString("utf8");
    const bad = text.indexOf("\uFFFD");
    const before = text.slice(0, Math.max(bad, 0));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    throw new CollateralError(
      "not UTF-8 text: save the file as UTF-8 (it looks like Latin-1 or UTF-16)",
      { position: { file, line, column }, rule: "encoding" },
    );
  }
}
