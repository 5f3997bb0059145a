// The portal's backend over the pipeline: current content by hash, cached renders, recovery from a broken browser.

import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { printPdf, retryIfBrowserGone, screenshotPng } from "../export/index.js";
import type { ReadLimits } from "../ingest/cited/index.js";
import { residentBytes } from "../ingest/cited/reader/process-memory.js";
import { assetsFolder } from "../ingest/images.js";
import {
  CollateralError,
  type CollateralModel,
  describeError,
  formatPosition,
  type Message,
  printable,
  shownPosition,
  VerificationError,
} from "../model/index.js";
import type { OnePagerRequest } from "../pipeline.js";
import { failingQuotes, OUTPUT_DIR, Pipeline } from "../pipeline.js";
import { portalFontCss, portalFontFile } from "../render/fonts.js";
import type { RenderedPiece } from "../render/index.js";
import { fingerprint } from "../render/template-store.js";
import type { PortalBackend, PortalContent, PortalImage } from "./backend.js";
import { DEFAULT_PORTAL_LIMITS } from "./limits.js";
import { Lru } from "./lru.js";
import { QueueFullError } from "./queue.js";

export interface BackendOptions {
  /** A render that takes longer than this is treated as a hung browser (ms). */
  renderTimeoutMs?: number;
  cacheSize?: number;
  /** Wait this long before each uncached render (ms): lets tests and demos fill the queue on purpose. */
  renderDelayMs?: number;
  /** The bounds each cited document is read within. */
  readLimits?: ReadLimits;
  /** Chromium is restarted, between renders, after this many (default DEFAULT_PORTAL_LIMITS). */
  restartBrowserAfter?: number;
  /** A browser page is replaced after this many prints (default DEFAULT_PORTAL_LIMITS). */
  recyclePageAfter?: number;
}

/** Runs a task when there is room for it (the portal's render queue), or refuses it. */
type Schedule = (task: () => Promise<void>) => Promise<void>;

export class PipelineBackend implements PortalBackend {
  readonly pipeline: Pipeline;
  private current: { hash: string; model: CollateralModel; content: PortalContent } | null = null;
  private readonly pdfs: Lru<Uint8Array>;
  private readonly previews = new Lru<Uint8Array>(64);
  private readonly built = new Map<string, string>();
  /** The rebuild in progress per piece, and the content it is for: concurrent requests wait on the same one. */
  private readonly building = new Map<string, { hash: string; done: Promise<void> }>();
  /** Renders served from the cache, for tests and the benchmark. */
  cacheHits = 0;
  /** Brochure and deck builds started, for tests. */
  pieceBuilds = 0;
  private closed = false;
  private warming: Promise<boolean> | null = null;
  /** A re-read of changed content under way: requests meanwhile get the last good content. */
  private refreshing: Promise<void> | null = null;
  /** The content that was last read and found broken or failing: not read again until it changes. */
  private refused: string | null = null;
  /** What the console was last told about refused content: one broken save is said once, not per re-read. */
  private lastComplaint: string | null = null;
  /** Renders since Chromium last started, renders in flight, and restarts made. */
  private rendersSinceStart = 0;
  private inFlight = 0;
  renders = 0;
  browserRestarts = 0;

  constructor(
    readonly root: string,
    private readonly options: BackendOptions = {},
  ) {
    this.pipeline = new Pipeline(root, {
      ...(options.readLimits && { readLimits: options.readLimits }),
      recyclePageAfter: options.recyclePageAfter ?? DEFAULT_PORTAL_LIMITS.recyclePageAfter,
    });
    this.pdfs = new Lru(options.cacheSize ?? 256);
  }

  async content(): Promise<PortalContent> {
    return (await this.state()).content;
  }

  async cachedOnePager(request: OnePagerRequest): Promise<Uint8Array | null> {
    const cached = this.pdfs.get(await this.onePagerKey(request));
    if (!cached) return null;
    this.cacheHits++;
    return cached;
  }

  async onePager(request: OnePagerRequest): Promise<Uint8Array> {
    const cached = await this.cachedOnePager(request);
    if (cached) return cached;
    const key = await this.onePagerKey(request);
    if (this.options.renderDelayMs)
      await new Promise((resolve) => setTimeout(resolve, this.options.renderDelayMs));
    const rendered = await this.render(request);
    const { pdf } = await this.counted(() =>
      this.guarded(() => printPdf(this.pipeline.browser, rendered)),
    );
    this.pdfs.set(key, pdf);
    return pdf;
  }

  /**
   * Counts a render, and after `restartBrowserAfter` of them restarts Chromium once no render is in
   * flight: a browser's memory grows over thousands of prints (0.5 → 1.6 GiB over 12,000 one-pagers).
   */
  private async counted<T>(render: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await render();
    } finally {
      this.inFlight--;
      this.renders++;
      this.rendersSinceStart++;
      const after = this.options.restartBrowserAfter ?? DEFAULT_PORTAL_LIMITS.restartBrowserAfter;
      if (this.rendersSinceStart >= after && this.inFlight === 0 && !this.closed) {
        this.rendersSinceStart = 0;
        this.browserRestarts++;
        await this.pipeline.close().catch(() => undefined);
      }
    }
  }

  async health(): Promise<Record<string, unknown>> {
    const mib = (bytes: number | null) => (bytes === null ? null : Math.round(bytes / 1048576));
    return {
      memoryMiB: {
        portal: mib(process.memoryUsage().rss),
        chromium: mib(residentBytes(this.pipeline.browserProcessId)),
      },
      renders: this.renders,
      browserRestarts: this.browserRestarts,
    };
  }

  private async onePagerKey(request: OnePagerRequest): Promise<string> {
    const { hash } = await this.state();
    return JSON.stringify([request.audience, request.company, request.contact ?? "", hash]);
  }

  async previewPng(audience: string): Promise<Uint8Array> {
    const { hash } = await this.state();
    const key = `${audience}:${hash}`;
    const cached = this.previews.get(key);
    if (cached) return cached;
    const rendered = await this.render({ audience, company: "Your prospect" });
    const png = await this.counted(() =>
      this.guarded(() => screenshotPng(this.pipeline.browser, rendered, 340)),
    );
    this.previews.set(key, png);
    return png;
  }

  /**
   * The built brochure/deck, rebuilt first when the content changed: one rebuild for the content however
   * many ask at once, run by `schedule` (the portal's render queue). A rebuild that fails keeps the last
   * good file served; one the queue refuses is tried again by the next request.
   */
  async builtPiece(
    piece: "brochure" | "deck",
    schedule: Schedule = (task) => task(),
  ): Promise<string | null> {
    const file = path.join(this.root, OUTPUT_DIR, `${piece}.pdf`);
    const { hash } = await this.state();
    if (this.built.get(piece) !== hash) {
      let run = this.building.get(piece);
      if (!run || run.hash !== hash) {
        run = { hash, done: this.rebuild(piece, hash, schedule) };
        this.building.set(piece, run);
      }
      await run.done;
    }
    return access(file).then(
      () => file,
      () => null,
    );
  }

  private async rebuild(piece: "brochure" | "deck", hash: string, schedule: Schedule) {
    try {
      await schedule(async () => {
        this.pieceBuilds++;
        await this.guarded(() => this.pipeline.build({ only: [piece], png: false }));
      });
      this.built.set(piece, hash);
    } catch (error) {
      if (error instanceof QueueFullError) throw error;
      this.built.set(piece, hash);
      process.stderr.write(
        `portal: rebuilding ${piece} failed, serving the last good file: ${String(error)}\n`,
      );
    } finally {
      if (this.building.get(piece)?.hash === hash) this.building.delete(piece);
    }
  }

  async portalCss(): Promise<string> {
    // Only the theme's variables: the pieces' own stylesheets lay out paper (a body 8.5 in wide), not a web page.
    const dirs = this.pipeline.templates.dirs;
    // theme.css and the workspace's brand.css hold the variables; the portal's sheet is built on them.
    const [theme, brand, portal] = await Promise.all(
      ["theme/theme.css", "theme/brand.css", "portal/portal.css"].map((rel) =>
        firstFile(dirs.map((d) => path.join(d, rel))),
      ),
    );
    // The embedded typefaces, served under /assets/fonts/ (the stylesheet is /assets/portal.css).
    const fonts = portalFontCss("/assets/fonts");
    return [fonts, theme, brand, portal].join("\n").replace(/@import[^;]+;/g, "");
  }

  async logo(): Promise<PortalImage | null> {
    const { logoOnDark, logo, assets } = await this.pipeline.templates.load();
    const rel = logoOnDark ?? logo;
    const file = assets.find((a) => a.rel === rel)?.path;
    return file ? { path: file, type: imageType(file) } : null;
  }

  async fontFile(name: string): Promise<string | null> {
    return portalFontFile(name);
  }

  /** Launch Chromium now, in the background, so the first salesperson does not wait; close() waits for it. */
  warmUp(): void {
    this.warming ??= this.ready();
  }

  async ready(): Promise<boolean> {
    try {
      await this.state();
      // A portal closed while its content loaded must not launch a Chromium nobody will close.
      if (this.closed) return false;
      await this.pipeline.browser.browser();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.warming;
    await this.pipeline.close();
  }

  private async render(request: OnePagerRequest): Promise<RenderedPiece> {
    return this.pipeline.renderOnePager((await this.state()).model, request);
  }

  /**
   * The content to serve. When sources or templates changed, they are read and verified again in the
   * background while requests keep getting the last verified content: a cited document that takes its
   * whole time limit to read never holds up /healthz or a cached one-pager. Only a portal with no
   * content yet waits for it.
   */
  private async state() {
    // Top-level assets/ holds screenshots the claims show: a replaced one is read (and judged) again. One
    // that leads out of the workspace is not looked into (its images are refused); its change of place is.
    const assets = await assetsFolder(this.root);
    const hash = await fingerprint([
      path.join(this.root, "sources"),
      ...this.pipeline.templates.dirs,
      ...(assets ? [assets] : []),
    ]);
    if (this.current?.hash === hash || (this.current && this.refused === hash)) return this.current;
    this.refreshing ??= this.refresh(hash).finally(() => {
      this.refreshing = null;
    });
    if (this.current) return this.current;
    await this.refreshing;
    if (!this.current) throw new CollateralError("the content cannot be read", { exitCode: 1 });
    return this.current;
  }

  /** Reads and verifies the content; a broken or failing edit keeps the last good content served. */
  private async refresh(hash: string): Promise<void> {
    let model: CollateralModel;
    let messages: Message[];
    try {
      ({ model, messages } = await this.pipeline.verify());
    } catch (error) {
      // A half-saved or broken edit is the author's problem, not the salesperson's: it is never a 400.
      const reason =
        error instanceof CollateralError ? describeError(error, this.root) : String(error);
      if (!this.current)
        throw new CollateralError(`the content cannot be read: ${reason}`, { exitCode: 1 });
      this.complain(`${reason}; still serving the last good content`);
      this.refused = hash;
      return;
    }
    const failures = failingQuotes(model);
    if (failures.length) {
      const message = `content fails verification (${failures.length} quote(s)); run collateral check`;
      if (!this.current) throw new CollateralError(message, { exitCode: 1 });
      const named = new VerificationError(failures)
        .describe((p) => shownPosition(p, this.root))
        .split("\n")
        .slice(1);
      this.complain(
        `content fails verification; still serving the last verified content:\n${named.join("\n")}`,
      );
      this.refused = hash;
      return;
    }
    this.lastComplaint = null;
    // Serving from a copy edited since it was locked is allowed, but said (check is the gate).
    for (const m of messages.filter((m) => m.rule === "lock-drift")) {
      process.stderr.write(
        `portal: warning: ${formatPosition(m.position)}: ${printable(m.reason)}\n`,
      );
    }
    this.current = { hash, model, content: portalContent(model, hash) };
  }

  /** Says why new content is not served, once for as long as the reason stays the same. */
  private complain(reason: string): void {
    if (reason === this.lastComplaint) return;
    this.lastComplaint = reason;
    process.stderr.write(`portal: ${printable(reason, { newlines: true })}\n`);
  }

  /**
   * A render that hangs or whose browser died fails this request, and the browser is restarted. A browser found
   * dead (it crashed between requests, or under this one) gets one more try on a fresh browser first; restarting
   * before that would kill the fresh browser under the other renders that are retrying.
   */
  private async guarded<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await retryIfBrowserGone(() => this.withTimeout(task));
    } catch (error) {
      // Bad input or content (an unknown audience, a failed quote, a one-pager that cannot fit) is no
      // fault of the renderer: Chromium, and the renders sharing it, are left alone.
      if (error instanceof CollateralError && error.rule !== "browser") throw error;
      await this.pipeline.close().catch(() => undefined);
      throw new CollateralError(`the renderer failed and was restarted: ${String(error)}`, {
        exitCode: 1,
      });
    }
  }

  private async withTimeout<T>(task: () => Promise<T>): Promise<T> {
    const timeoutMs = this.options.renderTimeoutMs ?? 20_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`render took over ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([task(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The text of the first of `files` that exists (a workspace's own template before the built-in one). */
async function firstFile(files: string[]): Promise<string> {
  for (const file of files) {
    const text = await readFile(file, "utf8").catch(() => null);
    if (text !== null) return text;
  }
  return "";
}

const IMAGE_TYPES: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
};

function imageType(file: string): string {
  return IMAGE_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

function portalContent(model: CollateralModel, hash: string): PortalContent {
  return {
    title: model.meta.title,
    product: model.meta.product ?? model.meta.title,
    tagline: model.meta.tagline ?? "",
    audiences: model.meta.audiences,
    claimTitles: Object.fromEntries(model.claims.map((c) => [c.id, c.title])),
    hash,
  };
}
