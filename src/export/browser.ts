// One Chromium per process: found once, launched once (early if asked), reused, relaunched after a crash, closed on exit.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { CollateralError } from "../model/index.js";
import { findChromium, isHeadlessShell } from "./browser-finder.js";
import {
  CHROMIUM_ARGS,
  type ChromiumProcess,
  HEADLESS_SHELL_ARGS,
  killChromium,
  spawnChromium,
} from "./chromium-process.js";

export interface BrowserManagerOptions {
  /** Chromium binary; found with findChromium() when omitted. */
  executablePath?: string;
  /** Milliseconds to wait for Chromium to start. */
  launchTimeout?: number;
  /** A page is closed and a fresh one opened after this many prints: a page's memory grows (default 100). */
  recyclePageAfter?: number;
}

const live = new Set<BrowserManager>();
let hooksInstalled = false;

export class BrowserManager {
  private current: Browser | null = null;
  private chromium: ChromiumProcess | null = null;
  private launching: Promise<Browser> | null = null;
  private userDataDir: string | null = null;
  /** Profiles of crashed browsers not yet removed: close() tries again. */
  private readonly staleProfiles = new Set<string>();
  private readonly cleanups: (() => void)[] = [];

  constructor(readonly options: BrowserManagerOptions = {}) {}

  /**
   * Start Chromium now (idempotent): the process is spawned before this returns, so callers start it first and
   * load and parse while it boots.
   */
  launch(): Promise<Browser> {
    return this.browser();
  }

  /** The Chromium process of the current browser (for tests and diagnostics). */
  get process(): ChildProcess | null {
    return this.chromium?.child ?? null;
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

  /** Synchronous up to the spawn, so that launch() has Chromium booting before it returns. */
  private start(): Promise<Browser> {
    try {
      const executablePath = this.options.executablePath ?? findChromium();
      // A fresh profile per launch: a crashed Chromium may leave its old one locked, and its dying helpers
      // may still write there for a moment, so the old one is removed in the background.
      const old = this.userDataDir;
      if (old)
        void rm(old, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(
          () => undefined,
        );
      this.userDataDir = mkdtempSync(path.join(os.tmpdir(), "collateral-chromium-"));
      const base = isHeadlessShell(executablePath) ? HEADLESS_SHELL_ARGS : CHROMIUM_ARGS;
      const args = [...base, `--user-data-dir=${this.userDataDir}`];
      if (process.getuid?.() === 0) args.push("--no-sandbox");
      track(this);
      const chromium = spawnChromium(executablePath, args);
      this.chromium = chromium;
      return this.connect(chromium, executablePath);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private async connect(chromium: ChromiumProcess, executablePath: string): Promise<Browser> {
    const fail = (why: string, cause?: unknown) => {
      killChromium(chromium.child);
      const tail = chromium.stderrTail();
      return new CollateralError(
        `could not start Chromium at ${executablePath}: ${why}${tail ? `\n${tail}` : ""}`,
        { rule: "browser", cause },
      );
    };
    const timeoutMs = this.options.launchTimeout ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      const { default: puppeteer } = await import("puppeteer-core");
      const browser = await Promise.race([
        puppeteer.connect({
          transport: chromium.transport,
          defaultViewport: { width: 800, height: 600 },
        }),
        chromium.exited.then(() => {
          throw fail(
            `it exited at once (code ${chromium.child.exitCode ?? chromium.child.signalCode})`,
          );
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(fail(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      // A browser that dies later is noticed by `connected`; make sure its process is gone too.
      browser.once("disconnected", () => killChromium(chromium.child));
      return browser;
    } catch (error) {
      throw error instanceof CollateralError ? error : fail((error as Error).message, error);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    // Still starting (a build that failed on its input): nothing to save, so no waiting for it to boot.
    if (this.launching && !this.current && this.chromium) killChromium(this.chromium.child);
    await this.launching?.catch(() => null);
    const browser = this.current;
    const chromium = this.chromium;
    this.current = null;
    this.chromium = null;
    if (browser) await browser.close().catch(() => undefined);
    if (chromium) {
      // Browser.close asks nicely; a Chromium that has not gone within a second is killed.
      const gone = await Promise.race([
        chromium.exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 1000).unref()),
      ]);
      if (!gone) killChromium(chromium.child);
      await chromium.exited;
    }
    const retry = { recursive: true, force: true, maxRetries: 10, retryDelay: 100 } as const;
    await Promise.all(this.takeProfiles().map((dir) => rm(dir, retry).catch(() => undefined)));
    this.runCleanups();
    live.delete(this);
  }

  /** Synchronous last resort on process exit: kill Chromium and remove its profile. */
  killNow(): void {
    if (this.chromium) killChromium(this.chromium.child);
    this.chromium = null;
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
      // A command that handles the signal itself (serve, watch) shuts down in order and closes its browser
      // last: closing it here would fail the renders it is still finishing. The exit hook stays the safety net.
      if (process.listenerCount(signal) > 0) return;
      void Promise.allSettled([...live].map((m) => m.close())).then(() =>
        process.exit(128 + (signal === "SIGINT" ? 2 : 15)),
      );
    });
  }
}
