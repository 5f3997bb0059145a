// The one folder a page may read from: a blank base page and the pieces' assets; every other URL is refused.
import { rmSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rename, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Asset } from "../render/index.js";
import { isJudged, readJudged } from "./judged-bytes.js";

export class RenderFolder {
  private readonly copied = new Map<string, string>();
  private base: Promise<void> | null = null;

  private constructor(readonly dir: string) {}

  static async create(): Promise<RenderFolder> {
    return new RenderFolder(await mkdtemp(path.join(os.tmpdir(), "collateral-render-")));
  }

  /** Copies the assets the HTML refers to, skipping those already there from the same file. */
  async prepare(assets: readonly Asset[]): Promise<void> {
    await Promise.all(assets.map((asset) => this.copy(asset)));
  }

  private async copy(asset: Asset): Promise<void> {
    const target = this.resolve(asset.rel);
    if (isJudged(asset)) {
      // Named by its hash: a copy already made holds these bytes; a new one is only the judged bytes.
      if (this.copied.get(asset.rel) === asset.sha256) return;
      const bytes = await readJudged(asset);
      await mkdir(path.dirname(target), { recursive: true });
      // Renamed into place: a page printing from a concurrent copy never reads half a file.
      const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
      this.copied.set(asset.rel, asset.sha256);
      return;
    }
    const info = await stat(asset.path);
    const key = `${asset.path}:${info.size}:${info.mtimeMs}`;
    if (this.copied.get(asset.rel) === key) return;
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(asset.path, target);
    this.copied.set(asset.rel, key);
  }

  /** A path inside the folder, or an error for one that would leave it. */
  private resolve(rel: string): string {
    const target = path.resolve(this.dir, rel);
    if (!this.contains(target)) throw new Error(`asset path leaves the render folder: ${rel}`);
    return target;
  }

  /** The blank page every pooled page opens first: pieces are then set into it, so relative URLs resolve here. */
  async baseUrl(): Promise<string> {
    const file = this.resolve("index.html");
    if (!this.base) {
      this.base = writeFile(
        file,
        '<!doctype html><html lang="en"><head><meta charset="utf-8"></head></html>',
      );
    }
    await this.base;
    return pathToFileURL(file).href;
  }

  contains(file: string): boolean {
    const relative = path.relative(this.dir, file);
    return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  }

  /** The request filter: only file: URLs of files inside this folder. */
  allows(url: string): boolean {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== "file:" || parsed.host !== "") return false;
      return this.contains(path.resolve(fileURLToPath(parsed)));
    } catch {
      return false;
    }
  }

  disposeSync(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
