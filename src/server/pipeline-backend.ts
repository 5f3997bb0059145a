// The portal's backend over the pipeline: current content by hash, cached renders, recovery from a broken browser.
import { access, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { printPdf, screenshotPng } from "../export/index.js";
import { CollateralError, type CollateralModel } from "../model/index.js";
import type { OnePagerRequest } from "../pipeline.js";
import { failingQuotes, OUTPUT_DIR, Pipeline } from "../pipeline.js";
import { BUILTIN_TEMPLATES_DIR, type RenderedPiece } from "../render/index.js";
import { fingerprint } from "../render/template-store.js";
import type { PortalBackend, PortalContent } from "./backend.js";
import { Lru } from "./lru.js";

export interface BackendOptions {
  /** A render that takes longer than this is treated as a hung browser (ms). */
  renderTimeoutMs?: number;
  cacheSize?: number;
}

export class PipelineBackend implements PortalBackend {
  readonly pipeline: Pipeline;
  private current: { hash: string; model: CollateralModel; content: PortalContent } | null = null;
  private readonly pdfs: Lru<Uint8Array>;
  private readonly previews = new Lru<Uint8Array>(64);
  private readonly built = new Map<string, string>();
  /** Renders served from the cache, for tests and the benchmark. */
  cacheHits = 0;

  constructor(
    readonly root: string,
    private readonly options: BackendOptions = {},
  ) {
    this.pipeline = new Pipeline(root);
    this.pdfs = new Lru(options.cacheSize ?? 256);
  }

  async content(): Promise<PortalContent> {
    return (await this.state()).content;
  }

  async onePager(request: OnePagerRequest): Promise<Uint8Array> {
    const { hash } = await this.state();
    const key = JSON.stringify([request.audience, request.company, request.contact ?? "", hash]);
    const cached = this.pdfs.get(key);
    if (cached) {
      this.cacheHits++;
      return cached;
    }
    const rendered = await this.render(request);
    const { pdf } = await this.guarded(() => printPdf(this.pipeline.browser, rendered));
    this.pdfs.set(key, pdf);
    return pdf;
  }

  async previewPng(audience: string): Promise<Uint8Array> {
    const { hash } = await this.state();
    const key = `${audience}:${hash}`;
    const cached = this.previews.get(key);
    if (cached) return cached;
    const rendered = await this.render({ audience, company: "Your prospect" });
    const png = await this.guarded(() => screenshotPng(this.pipeline.browser, rendered, 340));
    this.previews.set(key, png);
    return png;
  }

  async builtPiece(piece: "brochure" | "deck"): Promise<string | null> {
    const file = path.join(this.root, OUTPUT_DIR, `${piece}.pdf`);
    const { hash } = await this.state();
    if (this.built.get(piece) !== hash) {
      // New content since this piece was last built: rebuild it; on failure serve the last good file.
      try {
        await this.guarded(() => this.pipeline.build({ only: [piece], png: false }));
        this.built.set(piece, hash);
      } catch (error) {
        process.stderr.write(
          `portal: rebuilding ${piece} failed, serving the last good file: ${String(error)}\n`,
        );
      }
    }
    return access(file).then(
      () => file,
      () => null,
    );
  }

  async portalCss(): Promise<string> {
    const themeDir = path.join(BUILTIN_TEMPLATES_DIR, "theme");
    const names = (await readdir(themeDir).catch(() => [] as string[]))
      .filter((n) => n.endsWith(".css"))
      .sort();
    const theme = await Promise.all(names.map((n) => readFile(path.join(themeDir, n), "utf8")));
    const portal = await readFile(path.join(BUILTIN_TEMPLATES_DIR, "portal", "portal.css"), "utf8");
    // Theme fonts are referenced relative to the theme folder: the portal serves them under /assets/.
    return [...theme, portal].join("\n").replace(/@import[^;]+;/g, "");
  }

  async ready(): Promise<boolean> {
    try {
      await this.state();
      await this.pipeline.browser.browser();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pipeline.close();
  }

  private async render(request: OnePagerRequest): Promise<RenderedPiece> {
    return this.pipeline.renderOnePager((await this.state()).model, request);
  }

  /** Re-reads content when sources or templates changed; keeps serving the last verified content otherwise. */
  private async state() {
    const hash = await fingerprint([
      path.join(this.root, "sources"),
      ...this.pipeline.templates.dirs,
    ]);
    if (this.current?.hash === hash) return this.current;
    const { model } = await this.pipeline.verify();
    const failures = failingQuotes(model);
    if (failures.length) {
      const message = `content fails verification (${failures.length} quote(s)); run collateral check`;
      if (!this.current) throw new CollateralError(message, { exitCode: 1 });
      process.stderr.write(`portal: ${message}; still serving the last verified content\n`);
      return this.current;
    }
    this.current = { hash, model, content: portalContent(model, hash) };
    return this.current;
  }

  /** A render that hangs or whose browser died fails this request; the next one gets a fresh browser. */
  private async guarded<T>(task: () => Promise<T>): Promise<T> {
    const timeoutMs = this.options.renderTimeoutMs ?? 20_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`render took over ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([task(), timeout]);
    } catch (error) {
      if (error instanceof CollateralError && error.exitCode === 2) throw error;
      await this.pipeline.close().catch(() => undefined);
      throw new CollateralError(`the renderer failed and was restarted: ${String(error)}`, {
        exitCode: 1,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}

function portalContent(model: CollateralModel, hash: string): PortalContent {
  return {
    title: model.meta.title,
    product: model.meta.product,
    tagline: model.meta.tagline ?? "",
    audiences: model.meta.audiences,
    claimTitles: Object.fromEntries(model.claims.map((c) => [c.id, c.title])),
    hash,
  };
}
