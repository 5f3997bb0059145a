// deck.pptx: what it adds to a build (same workspace, same cache, runs interleaved), its size, and a PPTX alone.
import { stat } from "node:fs/promises";
import path from "node:path";
import { BIN, fmt, median, tempWorkspace, timed } from "./lib.js";

export async function benchPptx(runs) {
  const root = await tempWorkspace();
  const build = async (args) => {
    const r = await timed(process.execPath, [BIN, "build", ...args], root);
    if (r.code !== 0) throw new Error(`build ${args.join(" ")} failed: ${r.stderr}`);
    return r.ms;
  };
  await build([]); // parse and cache the cited documents once: every run below starts from the same cache
  const withPptx = [];
  const without = [];
  const alone = [];
  for (let i = 0; i < runs; i++) {
    withPptx.push(await build([]));
    without.push(await build(["--only", "brochure,one-pager,deck.pdf"]));
    alone.push(await build(["--only", "deck.pptx"]));
  }
  const size = (await stat(path.join(root, "output/deck.pptx"))).size;
  const pdf = (await stat(path.join(root, "output/deck.pdf"))).size;
  const a = median(withPptx);
  const b = median(without);
  console.log(`build, 3 pieces + deck.pptx        median of ${runs}: ${fmt(a)}`);
  console.log(
    `build, 3 pieces without deck.pptx  median of ${runs}: ${fmt(b)}  (ratio ${(a / b).toFixed(2)})`,
  );
  console.log(`build --only deck.pptx (no browser) median of ${runs}: ${fmt(median(alone))}`);
  console.log(
    `deck.pptx ${(size / 1024).toFixed(0)} KiB (deck.pdf ${(pdf / 1024).toFixed(0)} KiB)`,
  );
  return { withPptx: a, withoutPptx: b, alone: median(alone), bytes: size };
}
