// Pages kept open between prints (opening one costs more than reusing it), each locked to the render folder.
import type { HTTPRequest, Page } from "puppeteer-core";
import type { BrowserManager } from "./browser.js";
import { RenderFolder } from "./render-folder.js";

/** Enough for the tailored renders at once (RENDER_CONCURRENCY, at most 4). */
const MAX_IDLE = 4;

export interface Session {
  folder: RenderFolder;
  pool: PagePool;
}

/** What one print saw: the URLs the page asked for and was refused. */
export interface PrintJob {
  blocked: string[];
}

/** Prints a page makes before it is closed for a fresh one (BrowserManagerOptions.recyclePageAfter). */
const RECYCLE_AFTER = 100;

export class PagePool {
  private readonly idle: Page[] = [];
  private readonly jobs = new WeakMap<Page, PrintJob>();
  private readonly uses = new WeakMap<Page, number>();

  constructor(
    private readonly manager: BrowserManager,
    private readonly folder: RenderFolder,
  ) {}

  async acquire(job: PrintJob): Promise<Page> {
    let page = this.idle.pop();
    while (page && (page.isClosed() || !page.browser().connected)) page = this.idle.pop();
    page ??= await this.open();
    this.jobs.set(page, job);
    this.uses.set(page, (this.uses.get(page) ?? 0) + 1);
    return page;
  }

  /** Opens pages up to `count` idle ones, concurrently. */
  async warm(count: number): Promise<void> {
    const missing = Math.max(0, Math.min(count, MAX_IDLE) - this.idle.length);
    const pages = await Promise.all(Array.from({ length: missing }, () => this.open()));
    for (const page of pages) this.release(page);
  }

  /** Closed, not pooled: a page whose print failed (its renderer may have crashed) is not used again. */
  discard(page: Page): void {
    this.jobs.delete(page);
    if (!page.isClosed()) void page.close().catch(() => undefined);
  }

  /**
   * Back into the pool, unless it left the base page (then it is closed: relative URLs would resolve
   * elsewhere) or has printed its share (then it is closed, and the next print opens a fresh page).
   */
  release(page: Page): void {
    this.jobs.delete(page);
    if (page.isClosed() || !page.browser().connected) return;
    const worn =
      (this.uses.get(page) ?? 0) >= (this.manager.options.recyclePageAfter ?? RECYCLE_AFTER);
    if (!worn && this.idle.length < MAX_IDLE && this.folder.allows(page.url()))
      this.idle.push(page);
    else void page.close().catch(() => undefined);
  }

  /** A page whose scripts are off and whose every request outside the render folder is aborted. */
  private async open(): Promise<Page> {
    const browser = await this.manager.browser();
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on("request", (request) => this.filter(page, request));
    await page.emulateMediaType("print");
    await page.goto(await this.folder.baseUrl(), { waitUntil: "load" });
    return page;
  }

  private filter(page: Page, request: HTTPRequest): void {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const job = this.jobs.get(page);
    // While a piece is loaded the page never navigates (a meta refresh, say): answering 204 No Content keeps
    // the piece on screen, where aborting would swap in an error page.
    if (job && request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      job.blocked.push(url);
      void request.respond({ status: 204, body: "" }).catch(() => undefined);
      return;
    }
    if (this.folder.allows(url)) {
      void request.continue().catch(() => undefined);
      return;
    }
    job?.blocked.push(url);
    void request.abort("blockedbyclient").catch(() => undefined);
  }
}

const sessions = new WeakMap<BrowserManager, Promise<Session>>();

/** The render folder and page pool of this browser manager, made on first use and removed when it closes. */
export function sessionFor(manager: BrowserManager): Promise<Session> {
  let session = sessions.get(manager);
  if (!session) {
    session = RenderFolder.create().then((folder) => {
      manager.addCleanup(() => {
        sessions.delete(manager);
        folder.disposeSync();
      });
      return { folder, pool: new PagePool(manager, folder) };
    });
    sessions.set(manager, session);
  }
  return session;
}
