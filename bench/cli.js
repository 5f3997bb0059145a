// CLI benchmarks: cold build, check --offline cold and cached, and md-to-pdf for comparison when installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import path from "node:path";
import { BIN, fmt, median, REPO, removeCache, tempWorkspace, timed } from "./lib.js";

export async function benchCli(runs) {
  const root = await tempWorkspace();
  const results = {};

  const check = async (cold) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      if (cold) await removeCache(root);
      const r = await timed(process.execPath, [BIN, "check", "--offline"], root);
      if (r.code !== 0) throw new Error(`check failed: ${r.stderr}`);
      times.push(r.ms);
    }
    return median(times);
  };
  results.checkCold = await check(true);
  results.checkCached = await check(false);

  const rss = [];
  const builds = async (cold) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      if (cold) await removeCache(root);
      const r = await timed(process.execPath, [BIN, "build"], root);
      if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
      times.push(r.ms);
      rss.push(r.rssKiB);
    }
    return median(times);
  };
  results.buildCold = await builds(true);
  // The everyday case: a new process, the cited documents parsed by an earlier run and cached.
  results.buildCached = await builds(false);
  results.buildPeakRssMiB = Math.max(...rss) / 1024;
  results.chromiumFloor = await benchChromiumFloor(runs);
  results.mdToPdf = await benchMdToPdf(root, runs);

  console.log(`check --offline, cold (no cache)  median of ${runs}: ${fmt(results.checkCold)}`);
  console.log(`check --offline, cached            median of ${runs}: ${fmt(results.checkCached)}`);
  console.log(`build, cold (3 pieces, verified)   median of ${runs}: ${fmt(results.buildCold)}`);
  console.log(`build, cached parsed documents     median of ${runs}: ${fmt(results.buildCached)}`);
  console.log(
    `build, peak RSS of the Node process (max of ${runs}): ${results.buildPeakRssMiB.toFixed(0)} MiB (Chromium not included)`,
  );
  console.log(
    `Chromium alone: start, one page, print "hello"  median of ${runs}: ${fmt(results.chromiumFloor)} (the floor under any cold build)`,
  );
  if (results.mdToPdf) {
    for (const [how, ms] of [
      ["as installed (full Chromium)", results.mdToPdf.full],
      ["on the same headless shell", results.mdToPdf.shell],
    ]) {
      if (ms === null) continue;
      console.log(`md-to-pdf, ONE PDF of the seed, ${how}  median of ${runs}: ${fmt(ms)}`);
      console.log(
        `  ratio build / md-to-pdf: ${(results.buildCold / ms).toFixed(2)} cold, ${(results.buildCached / ms).toFixed(2)} with parsed documents cached (target ≤ 0.40)`,
      );
    }
  } else {
    console.log(
      "md-to-pdf: not installed (npm i -g md-to-pdf, or MD_TO_PDF=path/to/md-to-pdf, to compare; it is not a dependency)",
    );
  }
  return results;
}

/** A fresh Node process that starts Chromium our way, opens a page, prints a word and quits. */
async function benchChromiumFloor(runs) {
  const script = `
    const { BrowserManager } = await import(${JSON.stringify(path.join(REPO, "dist/src/export/browser.js"))});
    const m = new BrowserManager();
    const b = await m.launch();
    const page = await b.newPage();
    await page.setContent("<p>hello</p>");
    await page.pdf();
    await m.close();
  `;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const r = await timed(process.execPath, ["--input-type=module", "-e", script], REPO);
    if (r.code !== 0) throw new Error(`chromium floor failed: ${r.stderr}`);
    times.push(r.ms);
  }
  return median(times);
}

/**
 * md-to-pdf is not a dependency: compared only when installed separately (on PATH, or MD_TO_PDF=path). It
 * prints the author's seed text, as Markdown, twice over: as its users run it (Puppeteer's default headless
 * mode, here with Debian's full Chromium), and with the same headless shell collateral prints with.
 */
async function benchMdToPdf(root, runs) {
  const which = spawnSync("sh", ["-c", "command -v md-to-pdf"], { encoding: "utf8" });
  const bin = process.env.MD_TO_PDF || which.stdout.trim();
  if (!bin) return null;
  const file = path.join(root, "seed.md");
  await copyFile(path.join(REPO, "tests/fixtures/seed/cisso-vs-cissp.txt"), file);
  const args = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  const once = async (launch) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const r = await timed(bin, [file, "--launch-options", JSON.stringify(launch)], root);
      if (r.code !== 0) throw new Error(`md-to-pdf failed: ${r.stderr}`);
      times.push(r.ms);
    }
    return median(times);
  };
  const full = process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium";
  const shell = "/usr/lib/chromium/chromium-headless-shell";
  return {
    full: existsSync(full) ? await once({ executablePath: full, args }) : null,
    shell: existsSync(shell)
      ? await once({ executablePath: shell, headless: "shell", args })
      : null,
  };
}
