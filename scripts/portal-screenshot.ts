// `node dist/scripts/portal-screenshot.js [FILE]`: the sales page as a salesperson sees it, for the README.
import path from "node:path";
import puppeteer from "puppeteer-core";
import { findChromium, isHeadlessShell } from "../src/export/index.js";
import { startPortal } from "../src/server/index.js";

async function main(): Promise<void> {
  const root = path.resolve(
    import.meta.dirname,
    import.meta.dirname.includes("dist") ? "../.." : "..",
  );
  const out = path.resolve(process.argv[2] ?? path.join(root, "docs", "portal.png"));
  const portal = await startPortal(root, { port: 0 });
  const executablePath = findChromium();
  const browser = await puppeteer.launch({
    executablePath,
    headless: isHeadlessShell(executablePath) ? "shell" : true,
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(portal.url, { waitUntil: "networkidle0" });
    await page.click('label[for="aud-security-managers"]');
    await page.type('input[name="company"]', "Acme Federal");
    await page.type('input[name="contact"]', "Jordan Lee");
    // Resting look: no caret, no focus ring, no hover.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
    await page.screenshot({ path: out as `${string}.png`, fullPage: true });
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await browser.close();
    await portal.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
