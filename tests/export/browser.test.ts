// The browser manager: finding Chromium, launching once, relaunching after a crash, closing cleanly.
import { existsSync } from "node:fs";
import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { afterAll, describe, expect, it } from "vitest";
import { CHROMIUM_PATHS } from "../../src/export/browser-finder.js";
import { CHROMIUM_ARGS, HEADLESS_SHELL_ARGS } from "../../src/export/chromium-process.js";
import {
  BrowserManager,
  findChromium,
  HOW_TO_GET_CHROMIUM,
  isHeadlessShell,
} from "../../src/export/index.js";
import { CollateralError } from "../../src/model/index.js";

describe("findChromium", () => {
  it("prefers PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH, then the usual paths", () => {
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: "/usr/bin/chromium" }, [])).toBe(
      "/usr/bin/chromium",
    );
    expect(findChromium({ CHROME_PATH: "/usr/bin/chromium" }, [])).toBe("/usr/bin/chromium");
    expect(findChromium({}, ["/nonexistent/chrome", "/usr/bin/chromium"])).toBe(
      "/usr/bin/chromium",
    );
  });

  it("says how to get Chromium when there is none", () => {
    const attempt = () => findChromium({}, ["/nonexistent/chrome"]);
    expect(attempt).toThrow(CollateralError);
    expect(attempt).toThrow(
      /apt-get install -y chromium-headless-shell \(or chromium\), or set PUPPETEER_EXECUTABLE_PATH/,
    );
    expect(HOW_TO_GET_CHROMIUM).toContain("apt-get install -y chromium");
  });

  it("looks for Chromium's headless shell before the full browser, and tells them apart", () => {
    const shell = CHROMIUM_PATHS.indexOf("/usr/lib/chromium/chromium-headless-shell");
    expect(shell).toBeGreaterThanOrEqual(0);
    expect(shell).toBeLessThan(CHROMIUM_PATHS.indexOf("/usr/bin/chromium"));
    expect(isHeadlessShell("/usr/lib/chromium/chromium-headless-shell")).toBe(true);
    expect(isHeadlessShell("/opt/chrome-headless-shell-linux64/chrome-headless-shell")).toBe(true);
    expect(isHeadlessShell("/usr/bin/chromium")).toBe(false);
    expect(isHeadlessShell("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")).toBe(
      false,
    );
  });

  it("refuses a configured path that is not an executable", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-finder-"));
    const notExecutable = path.join(dir, "chrome");
    await writeFile(notExecutable, "");
    expect(() => findChromium({ PUPPETEER_EXECUTABLE_PATH: notExecutable }, [])).toThrow(
      /PUPPETEER_EXECUTABLE_PATH=.*is not an executable file/,
    );
    await rm(dir, { recursive: true, force: true });
  });
});

describe("either Chromium", () => {
  // .ci/install puts both on the machine; elsewhere the missing one is skipped.
  for (const [binary, flag] of [
    ["/usr/lib/chromium/chromium-headless-shell", "--headless"],
    ["/usr/bin/chromium", "--headless=new"],
  ] as const) {
    it.skipIf(!existsSync(binary))(`${binary} starts with ${flag} and prints a PDF`, async () => {
      const manager = new BrowserManager({ executablePath: binary });
      try {
        const page = await (await manager.browser()).newPage();
        await page.setContent("<p>hello</p>");
        const pdf = await page.pdf({ tagged: true });
        expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
        const args = manager.process?.spawnargs ?? [];
        expect(args.filter((a) => a.startsWith("--headless"))).toEqual([flag]);
      } finally {
        await manager.close();
      }
    });
  }
});

describe("BrowserManager", () => {
  const manager = new BrowserManager();
  afterAll(async () => manager.close());

  it("launches once for concurrent callers and reuses the browser", async () => {
    const [a, b] = await Promise.all([manager.launch(), manager.browser()]);
    expect(a).toBe(b);
    expect(await manager.browser()).toBe(a);
    expect(a.connected).toBe(true);
  });

  it("relaunches after Chromium dies", async () => {
    const first = await manager.browser();
    manager.process?.kill("SIGKILL");
    await new Promise<void>((resolve) => first.once("disconnected", () => resolve()));
    const second = await manager.browser();
    expect(second).not.toBe(first);
    expect(second.connected).toBe(true);
  });

  it("closes Chromium and removes its profile", async () => {
    const browser = await manager.browser();
    const profile = manager.process?.spawnargs
      .find((a) => a.startsWith("--user-data-dir="))
      ?.split("=")[1];
    expect(profile).toBeTruthy();
    await manager.close();
    expect(browser.connected).toBe(false);
    await expect(access(profile!)).rejects.toThrow();
    expect(manager.running).toBe(false);
  });

  it("passes --no-sandbox only when running as root", async () => {
    const browser = await manager.browser();
    expect(browser.connected).toBe(true);
    const args = manager.process?.spawnargs ?? [];
    expect(args.includes("--no-sandbox")).toBe(process.getuid?.() === 0);
    expect(args).toContain("--disable-background-networking");
    await manager.close();
  });
});

describe("Chromium's arguments", () => {
  it("include every default puppeteer.launch() would pass, for the full browser and the headless shell", () => {
    for (const [headless, args] of [
      [true, CHROMIUM_ARGS],
      ["shell", HEADLESS_SHELL_ARGS],
    ] as const) {
      const defaults = puppeteer
        .defaultArgs({ headless, userDataDir: "/profile" })
        .filter((a) => !a.startsWith("--user-data-dir=") && a !== "about:blank");
      const features = (list: readonly string[]) =>
        list
          .find((a) => a.startsWith("--disable-features="))
          ?.split("=")[1]
          ?.split(",") ?? [];
      const plain = (list: readonly string[]) =>
        list.filter((a) => !a.startsWith("--disable-features="));
      expect(plain(args)).toEqual(expect.arrayContaining(plain(defaults)));
      // Ours switch off more features than puppeteer's, never fewer.
      expect(features(args)).toEqual(expect.arrayContaining(features(defaults)));
      expect(args.filter((a) => a.startsWith("--headless"))).toEqual(
        defaults.filter((a) => a.startsWith("--headless")),
      );
    }
  });

  // Runs the built code (npm test builds first): a child Node process has no TypeScript loader.
  it("leaves no Chromium behind when the process that started it is killed", async () => {
    const { spawn } = await import("node:child_process");
    const script = `
      import { BrowserManager } from ${JSON.stringify(new URL("../../dist/src/export/browser.js", import.meta.url).href)};
      const m = new BrowserManager();
      await m.launch();
      console.log(m.process.pid);
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pid = await new Promise<number>((resolve) =>
      child.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))),
    );
    child.kill("SIGKILL");
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
  });
});
