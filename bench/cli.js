// CLI benchmarks: cold build, check --offline cold and cached, and md-to-pdf for comparison when installed.
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { BIN, fmt, median, removeCache, tempWorkspace, timed } from "./lib.js";

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

  const builds = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    await removeCache(root);
    const r = await timed(process.execPath, [BIN, "build", "--no-png"], root);
    if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
    builds.push(r.ms);
    rss.push(r.rssKiB);
  }
  results.buildCold = median(builds);
  results.buildPeakRssMiB = Math.max(...rss) / 1024;
  results.mdToPdf = await benchMdToPdf(root, runs);

  console.log(`check --offline, cold (no cache)  median of ${runs}: ${fmt(results.checkCold)}`);
  console.log(`check --offline, cached            median of ${runs}: ${fmt(results.checkCached)}`);
  console.log(`build, cold (3 pieces, verified)   median of ${runs}: ${fmt(results.buildCold)}`);
  console.log(
    `build, peak RSS of the Node process (max of ${runs}): ${results.buildPeakRssMiB.toFixed(0)} MiB (Chromium not included)`,
  );
  if (results.mdToPdf) {
    console.log(`md-to-pdf, ONE PDF of the seed     median of ${runs}: ${fmt(results.mdToPdf)}`);
    console.log(
      `ratio build / md-to-pdf: ${(results.buildCold / results.mdToPdf).toFixed(2)} (target ≤ 0.40)`,
    );
  } else {
    console.log("md-to-pdf: not installed (npm i -g md-to-pdf to compare; it is not a dependency)");
  }
  return results;
}

/** md-to-pdf is not a dependency: compared only when the user installed it separately. */
async function benchMdToPdf(root, runs) {
  const which = spawnSync("sh", ["-c", "command -v md-to-pdf"], { encoding: "utf8" });
  const bin = which.stdout.trim();
  if (!bin) return null;
  const file = path.join(root, "seed.md");
  await writeFile(file, "# CISSO vs CISSP\n\nThe seed text.\n");
  const times = [];
  for (let i = 0; i < runs; i++) times.push((await timed(bin, [file], root)).ms);
  return median(times);
}
