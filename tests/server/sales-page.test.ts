// The sales page in a real browser, as a salesperson uses it: pick an audience, type the company, download.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium, isHeadlessShell } from "../../src/export/index.js";
import { type RunningPortal, startPortal } from "../../src/server/index.js";
import { copyWorkspace } from "../helpers/workspace.js";
import { pageCount, preparedFor, textOf } from "./helpers.js";

let portal: RunningPortal;
let browser: Browser;
let page: Page;
let downloads: string;
const problems: string[] = [];

beforeAll(async () => {
  portal = await startPortal(await copyWorkspace(), { port: 0 });
  downloads = await mkdtemp(path.join(os.tmpdir(), "collateral-downloads-"));
  // A salesperson's browser: the full Chromium when there is one (.ci/install puts it there).
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : findChromium();
  browser = await puppeteer.launch({
    executablePath,
    headless: isHeadlessShell(executablePath) ? "shell" : true,
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  // Anything the CSP refuses, or a failed request, shows up here.
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.url()}: ${response.status()}`);
  });
  // A download turns its navigation into an aborted request: that one is expected.
  page.on("requestfailed", (request) => {
    if (!request.url().includes("/one-pager.pdf?")) problems.push(`${request.url()}: failed`);
  });
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

/** Allows downloads into `downloads` and resolves with the file name once one has completed. */
async function nextDownload(): Promise<string> {
  const session = await browser.target().createCDPSession();
  await session.send("Browser.setDownloadBehavior", {
    behavior: "allow",
    downloadPath: downloads,
    eventsEnabled: true,
  });
  let name = "";
  const done = new Promise<string>((resolve, reject) => {
    session.on("Browser.downloadWillBegin", (event) => {
      name = event.suggestedFilename;
    });
    session.on("Browser.downloadProgress", (event) => {
      if (event.state === "completed") resolve(name);
      if (event.state === "canceled") reject(new Error(`download of ${name} was canceled`));
    });
  });
  return done;
}

describe("the sales page in a browser", () => {
  it("loads with its stylesheet and previews, and nothing refused", async () => {
    await page.goto(portal.url, { waitUntil: "networkidle0" });
    expect(await page.title()).toMatch(/CISSO one-pagers/);
    const styled = await page.$eval("button", (b) => getComputedStyle(b).backgroundColor);
    expect(styled).not.toBe("rgba(0, 0, 0, 0)");
    const previews = await page.$$eval("img", (imgs) =>
      imgs.map((img) => (img as HTMLImageElement).naturalWidth),
    );
    expect(previews).toHaveLength(4);
    for (const width of previews) expect(width).toBeGreaterThan(0);
    // A web page as wide as the window, in the collateral's typeface.
    const layout = await page.evaluate(() => ({
      body: document.body.getBoundingClientRect().width,
      window: window.innerWidth,
      inter: document.fonts.check('16px "Inter"'),
    }));
    expect(layout.body).toBe(layout.window);
    expect(layout.inter).toBe(true);
    expect(problems).toEqual([]);
  });

  it("downloads the one-pager for the audience picked and the company typed", async () => {
    await page.click('label[for="aud-security-managers"]');
    expect(await page.$eval("#aud-security-managers", (r) => (r as HTMLInputElement).checked)).toBe(
      true,
    );
    expect(await page.$eval("#aud-early-career", (r) => (r as HTMLInputElement).checked)).toBe(
      false,
    );
    await page.type('input[name="company"]', "Globex & Partners");
    await page.type('input[name="contact"]', "Hank Scorpio");

    const download = nextDownload();
    await page.click('button[type="submit"]');
    const name = await download;
    expect(name).toBe("Globex-Partners-security-managers-one-pager.pdf");
    expect(await readdir(downloads)).toContain(name);

    const pdf = await readFile(path.join(downloads, name));
    expect(await pageCount(pdf)).toBe(1);
    const text = await textOf(pdf);
    expect(preparedFor(text)).toMatch(/^Globex&Partners/);
    expect(text).toContain("Hank Scorpio");
    expect(text.toUpperCase()).toContain("SECURITY MANAGERS AND AUDITORS");
    // A download leaves the salesperson on the form.
    expect(page.url()).toBe(portal.url);
    expect(problems).toEqual([]);
  });

  it("will not send the form without a company", async () => {
    await page.goto(portal.url, { waitUntil: "networkidle0" });
    await page.click('button[type="submit"]');
    expect(page.url()).toBe(portal.url);
    expect(
      await page.$eval(
        'input[name="company"]',
        (i) => (i as HTMLInputElement).validity.valueMissing,
      ),
    ).toBe(true);
  });
});
