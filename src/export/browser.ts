// One Chromium per process: found once, launched once (early if asked), reused, relaunched after a crash, closed on exit.
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { CollateralError } from "../model/index.js";
import { findChromium } from "./browser-finder.js";

export interface BrowserManagerOptions {
  /** Chromium binary; found with findChromium() when omitted. */
  executablePath?: string;
  /** Milliseconds to wait for Chromium to start. */
  launchTimeout?: number;
}

const ARGS = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

const live = new Set<BrowserManager>();
let hooksInstalled = false;

export class BrowserManager {
  private current: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private userDataDir: string | null = null;
  /** Profiles of crashed browsers not yet removed: close() tries again. */
  private readonly staleProfiles = new Set<string>();
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly options: BrowserManagerOptions = {}) {}

  /** Start Chromium now (idempotent): the pipeline calls this while sources are still being parsed. */
  launch(): Promise<Browser> {
    return this.browser();
  }

  /** The running browser, launching it on first use and relaunching it after a crash or disconnect. */
  browser(): Promise<Browser> {
    if (this.current?.connected) return Promise.resolve(this.current);
    this.current = null;
    this.launching ??= this.start()
      .then((browser) => {
        this.current = browser;
        return browser;
      })
      .finally(() => {
        this.launching = null;
      });
    return this.launching;
  }

  /** Run `fn` (synchronously) when this manager closes or the process exits: for temp folders tied to it. */
  addCleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }

  /** True while a browser is up (or starting). */
  get running(): boolean {
    return Boolean(this.launching || this.current?.connected);
  }

  private async start(): Promise<Browser> {
    const executablePath = this.options.executablePath ?? findChromium();
    // A fresh profile per launch: a crashed Chromium may leave its old one locked, and its dying helpers
    // may still write there for a moment, so the old one is removed in the background.
    const old = this.userDataDir;
    if (old)
      void rm(old, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(
        () => undefined,
      );
    this.userDataDir = await mkdtemp(path.join(os.tmpdir(), "collateral-chromium-"));
    const args = [...ARGS, `--user-data-dir=${this.userDataDir}`];
    if (process.getuid?.() === 0) args.push("--no-sandbox");
    track(this);
    try {
      return await puppeteer.launch({
        executablePath,
        headless: true,
        args,
        timeout: this.options.launchTimeout ?? 30_000,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      throw new CollateralError(
        `could not start Chromium at ${executablePath}: ${(error as Error).message}`,
        { rule: "browser", cause: error },
      );
    }
  }

  async close(): Promise<void> {
    await this.launching?.catch(() => null);
    const browser = this.current;
    this.current = null;
    if (browser) await browser.close().catch(() => browser.process()?.kill("SIGKILL"));
    const retry = { recursive: true, force: true, maxRetries: 10, retryDelay: 100 } as const;
    await Promise.all(this.takeProfiles().map((dir) => rm(dir, retry).catch(() => undefined)));
    this.runCleanups();
    live.delete(this);
  }

  /** Synchronous last resort on process exit: kill Chromium and remove its profile. */
  killNow(): void {
    this.current?.process()?.kill("SIGKILL");
    this.current = null;
    this.removeProfile();
    this.runCleanups();
  }

  private runCleanups(): void {
    for (const fn of this.cleanups.splice(0)) {
      try {
        fn();
      } catch {
        // Best effort: a temp folder that cannot be removed is not worth failing a close.
      }
    }
  }

  /** Profiles to remove: the current one and those of crashed browsers. */
  private takeProfiles(): string[] {
    const dirs = [...this.staleProfiles, ...(this.userDataDir ? [this.userDataDir] : [])];
    this.staleProfiles.clear();
    this.userDataDir = null;
    return dirs;
  }

  /** Synchronous (process exit): Chromium's helpers may still be writing as they die, so retry a little. */
  private removeProfile(): void {
    for (const dir of this.takeProfiles()) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
      } catch {
        // A profile left in the temp folder is untidy, not worth failing an exit for.
      }
    }
  }
}

function track(manager: BrowserManager): void {
  live.add(manager);
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.once("exit", () => {
    for (const m of live) m.killNow();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void Promise.allSettled([...live].map((m) => m.close())).then(() => {
        // Keep the conventional exit status unless someone else handles the signal too.
        if (process.listenerCount(signal) === 0) process.exit(128 + (signal === "SIGINT" ? 2 : 15));
      });
    });
  }
}
