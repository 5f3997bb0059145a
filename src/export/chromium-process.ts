// Chromium started by hand rather than by puppeteer.launch(): it can start before puppeteer-core is even
// imported (the cold path overlaps Chromium's second of start-up with Node loading and parsing), and it
// talks DevTools over a pipe, so it also ends when this process ends, however that happens.
import { type ChildProcess, spawn } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import type { ConnectionTransport } from "puppeteer-core";

/** What puppeteer-core 24's defaultArgs() passes to every Chromium (a test keeps them in step), plus ours. */
const COMMON_ARGS: readonly string[] = [
  "--allow-pre-commit-input",
  "--disable-background-networking",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
  "--disable-breakpad",
  "--disable-client-side-phishing-detection",
  "--disable-component-extensions-with-background-pages",
  "--disable-crash-reporter",
  "--disable-default-apps",
  "--disable-dev-shm-usage",
  "--disable-hang-monitor",
  "--disable-infobars",
  "--disable-ipc-flooding-protection",
  "--disable-popup-blocking",
  "--disable-prompt-on-repost",
  "--disable-renderer-backgrounding",
  "--disable-search-engine-choice-screen",
  "--disable-sync",
  "--enable-automation",
  "--export-tagged-pdf",
  "--force-color-profile=srgb",
  "--generate-pdf-document-outline",
  "--metrics-recording-only",
  "--no-first-run",
  "--password-store=basic",
  "--use-mock-keychain",
  "--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes,WebUIOmniboxPopup",
  "--enable-features=PdfOopif",
  "--hide-scrollbars",
  "--mute-audio",
  "--disable-extensions",
  // Ours (DEVELOPERS.md): no GPU, no updates, no calls home.
  "--disable-gpu",
  "--disable-component-update",
];

/**
 * Full Chromium in its new headless mode (puppeteer's `headless: true`). WebUIOmniboxPopup is off too: this
 * Chromium otherwise reloads its browser window's omnibox popup, a WebUI page, during every print (about 60 ms
 * of a 260 ms one-pager).
 */
export const CHROMIUM_ARGS: readonly string[] = [...COMMON_ARGS, "--headless=new"];

/**
 * chromium-headless-shell (puppeteer's `headless: "shell"`): headless only, no browser window to run. It hints
 * fonts fully by default, which rounds glyph advances: letter-spaced capitals then come apart in the PDF's text
 * ("P R EPA R ED") and lines break elsewhere. Without hinting it lays out exactly as the full browser does (the
 * one-pager's pages are pixel-identical).
 */
export const HEADLESS_SHELL_ARGS: readonly string[] = [
  ...COMMON_ARGS,
  "--headless",
  "--font-render-hinting=none",
];

export interface ChromiumProcess {
  child: ChildProcess;
  transport: PipeTransport;
  /** Resolves when the process has exited (at once if it already has). */
  exited: Promise<void>;
  /** The last lines Chromium wrote to stderr: the reason when it fails to start. */
  stderrTail(): string;
}

/** Starts Chromium (synchronously: the process exists when this returns) with DevTools on fds 3 and 4. */
export function spawnChromium(executablePath: string, args: readonly string[]): ChromiumProcess {
  const child = spawn(executablePath, [...args, "--remote-debugging-pipe", "about:blank"], {
    // Its own process group, so the zygote and renderers can be killed with it.
    detached: process.platform !== "win32",
    stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"],
  });
  let tail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
  return { child, transport, exited, stderrTail: () => tail.trim() };
}

/** Kills Chromium and its helpers (the whole process group); harmless when it is already gone. */
export function killChromium(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    if (process.platform === "win32") child.kill("SIGKILL");
    else process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

/** DevTools messages as NUL-terminated JSON on a pipe, as Chromium's --remote-debugging-pipe speaks them. */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly toChromium: Writable,
    fromChromium: Readable,
  ) {
    fromChromium.on("data", (chunk: Buffer) => this.receive(chunk));
    fromChromium.on("close", () => this.end(true));
    fromChromium.on("error", () => undefined);
    toChromium.on("error", () => undefined);
  }

  send(message: string): void {
    if (this.closed) return;
    this.toChromium.write(message);
    this.toChromium.write("\0");
  }

  /** Puppeteer calls this when it disconnects; closing our end of the pipe also tells Chromium to quit. */
  close(): void {
    this.end(false);
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(0);
    while (end !== -1) {
      this.pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.pending).toString("utf8");
      this.pending = [];
      // As puppeteer's own pipe transport does: each message in its own turn, in order.
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  private end(notify: boolean): void {
    if (this.closed) return;
    this.closed = true;
    this.toChromium.end();
    if (notify) setImmediate(() => this.onclose?.());
  }
}
