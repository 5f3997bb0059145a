// Watch benchmark: a one-word edit → the new brochure.pdf on disk, through a real `collateral watch` process.
import { spawn } from "node:child_process";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BIN, fmt, median, tempWorkspace } from "./lib.js";

export async function benchWatch(runs) {
  const root = await tempWorkspace();
  const child = spawn(process.execPath, [BIN, "watch"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let log = "";
  child.stderr.on("data", (d) => {
    log += d;
  });
  try {
    await until(() => log.includes("watching"), 60_000);
    const md = path.join(root, "sources/cisso-vs-cissp.md");
    const pdf = path.join(root, "output/brochure.pdf");
    const times = [];
    for (let i = 0; i < runs; i++) {
      const before = (await stat(pdf)).mtimeMs;
      const text = await readFile(md, "utf8");
      const started = performance.now();
      await writeFile(
        md,
        text.replace(/pragmatic choice[^.]*\./, `pragmatic choice${i % 2 ? " indeed" : " today"}.`),
      );
      await until(async () => (await stat(pdf)).mtimeMs !== before, 30_000);
      times.push(performance.now() - started);
      // The rebuild goes on to the one-pager and the deck: let it finish, so each edit meets an idle watcher.
      await until(() => rebuilds(log) > i, 30_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(
      `watch: one-word edit → brochure.pdf on disk, median of ${runs}: ${fmt(median(times))} (target ≤ 300 ms)`,
    );
    return median(times);
  } finally {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
    await rm(root, { recursive: true, force: true });
  }
}

/** Rebuilds finished after the first build: one ✔ or ✖ line each. */
function rebuilds(log) {
  return log.split("\n").filter((line) => /^[✔✖] /.test(line) && !line.includes("first build"))
    .length;
}

async function until(predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("timed out waiting");
}

// `node bench/watch.js` runs this benchmark alone (`npm run bench` runs it with the others).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchWatch(Number(process.env.BENCH_RUNS ?? 5));
}
