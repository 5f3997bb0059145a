// `npm run build`, after tsc: bundles the compiled CLI into dist/bundle/ so a command loads a few files, not hundreds.
//
// Node 20 resolves and links every ES module file on its own; the CLI's graph (remark, micromark, Handlebars,
// Puppeteer…) is about a thousand of them, which cost a cold `build` ~0.25 s and `check` ~0.2 s before any work.
// Code splitting keeps the commands' lazy imports lazy: `check` still never loads Puppeteer.
import { rm } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

/**
 * Left to Node: pdf.js loads its own worker module by file name (and runs in our worker thread, whose
 * script is bundled on its own below), and the portal's and watcher's libraries start long enough lived
 * processes that their load time does not count.
 */
const EXTERNAL = ["pdfjs-dist", "fastify", "chokidar"];

async function main(): Promise<void> {
  const repo = path.resolve(import.meta.dirname, "../..");
  const outdir = path.join(repo, "dist/bundle");
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: {
      main: path.join(repo, "dist/src/cli/main.js"),
      // The reader process that reads cited documents: found beside the bundle (see ingest/cited/reader/pool.ts).
      "cited-reader": path.join(repo, "dist/src/ingest/cited/reader/child.js"),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    // Some dependencies are CommonJS and call require(); an ES module bundle has to provide it.
    banner: {
      js: "import { createRequire as __collateralRequire } from 'node:module'; const require = __collateralRequire(import.meta.url);",
    },
    sourcemap: "linked",
    logLevel: "warning",
  });
}

await main();
