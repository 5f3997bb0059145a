// Reading cited PDFs: the corpus's 352-page book cold and cached beside poppler's pdftotext, and a registry of many uncited documents.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BIN, fmt, median, REPO, removeCache, timed } from "./lib.js";

const CORPUS = path.resolve(REPO, "../shared/corpus/pdf");
const BOOK = path.join(CORPUS, "free-culture.pdf");

export async function benchCited(runs) {
  if (!existsSync(BOOK)) {
    console.log(`cited documents: skipped, the shared corpus is not here (${CORPUS})`);
    return null;
  }
  const results = {};
  results.pdftotext = await pdftotext(runs);
  results.cold = await readInFreshProcess(runs, false);
  results.cached = await readInFreshProcess(runs, true);
  console.log(
    `read free-culture.pdf (352 pages), cold: pdf.js in workers + layout, median of ${runs}: ${fmt(results.cold.read)} (process ${fmt(results.cold.process)})`,
  );
  console.log(
    `  poppler's pdftotext on the same file, same run, median of ${runs}: ${fmt(results.pdftotext)}`,
  );
  console.log(
    `  ratio collateral / pdftotext: ${(results.cold.read / results.pdftotext).toFixed(2)} (goal ≤ 2); with Node's start and exit: ${(results.cold.process / results.pdftotext).toFixed(2)}`,
  );
  console.log(
    `read free-culture.pdf again, parsed text cached on disk, median of ${runs}: ${fmt(results.cached.read)}`,
  );
  const registry = await registryOfMany(runs);
  if (registry) {
    Object.assign(results, registry);
    console.log(
      `check --offline, cold, registry of ${registry.registered} corpus PDFs citing 1, median of ${runs}: ${fmt(registry.many)}`,
    );
    console.log(
      `  the same workspace registering only the cited one: ${fmt(registry.one)} (ratio ${(registry.many / registry.one).toFixed(2)}; uncited documents should cost nothing)`,
    );
  }
  return results;
}

async function pdftotext(runs) {
  if (spawnSync("sh", ["-c", "command -v pdftotext"]).status !== 0) return Number.NaN;
  const times = [];
  for (let i = 0; i < runs; i++)
    times.push((await timed("pdftotext", [BOOK, "/dev/null"], REPO)).ms);
  return median(times);
}

/** A new Node process reads the book the way `check` does (through the cited-text store), timing the read itself. */
async function readInFreshProcess(runs, cached) {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-bench-cited-"));
  await mkdir(path.join(root, "sources/cited"), { recursive: true });
  await copyFile(BOOK, path.join(root, "sources/cited/book.pdf"));
  const script = `
    const { CitedTextStore } = await import(${JSON.stringify(path.join(REPO, "dist/src/ingest/cited-store.js"))});
    const store = new CitedTextStore(${JSON.stringify(root)}, { persistent: true });
    const started = performance.now();
    const texts = await store.load([{ id: "book", title: "Book", url: "https://example.com/b.pdf", file: "cited/book.pdf" }]);
    const ms = performance.now() - started;
    if (!texts.get("book").readable) throw new Error("unreadable");
    process.stderr.write(String(ms));
  `;
  const reads = [];
  const processes = [];
  if (cached) await timed(process.execPath, ["--input-type=module", "-e", script], root);
  for (let i = 0; i < runs; i++) {
    if (!cached) await removeCache(root);
    const r = await timed(process.execPath, ["--input-type=module", "-e", script], root);
    if (r.code !== 0) throw new Error(`read failed: ${r.stderr}`);
    reads.push(Number(r.stderr.trim().split("\n")[0]));
    processes.push(r.ms);
  }
  return { read: median(reads), process: median(processes) };
}

/** A workspace citing one small PDF, registering every PDF of the corpus; and the same registering just that one. */
async function registryOfMany(runs) {
  const make = async (files) => {
    const root = await mkdtemp(path.join(os.tmpdir(), "collateral-bench-registry-"));
    await mkdir(path.join(root, "sources/cited"), { recursive: true });
    const entries = [];
    for (const [i, file] of files.entries()) {
      await copyFile(path.join(CORPUS, file), path.join(root, "sources/cited", file));
      entries.push(
        `- id: doc-${i}\n  title: ${file}\n  url: https://example.com/${file}\n  file: cited/${file}\n`,
      );
    }
    await writeFile(path.join(root, "sources/sources.yaml"), entries.join(""));
    await writeFile(
      path.join(root, "sources/claims.md"),
      "---\ntitle: Bench\nproduct: A\ncompetitor: B\n---\n\n## Bitcoin\n\nThe paper says “A purely peer-to-peer version of electronic cash” [paper](https://example.com/bitcoin.pdf).\n",
    );
    return root;
  };
  const { readdirSync } = await import("node:fs");
  const all = readdirSync(CORPUS)
    .filter((f) => f.endsWith(".pdf"))
    .sort();
  const ordered = ["bitcoin.pdf", ...all.filter((f) => f !== "bitcoin.pdf")];
  const check = async (root) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      await removeCache(root);
      const r = await timed(process.execPath, [BIN, "check", "--offline"], root);
      if (r.code !== 0) throw new Error(`check failed: ${r.stderr}`);
      times.push(r.ms);
    }
    return median(times);
  };
  const many = await check(await make(ordered));
  const one = await check(await make(["bitcoin.pdf"]));
  return { many, one, registered: ordered.length };
}
