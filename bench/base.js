// Against another checkout (BENCH_BASE=/path/to/built/collateral): cold builds of the same workspace, the two
// interleaved in one run, so a busy machine slows both alike and the ratio holds.
import path from "node:path";
import { BIN, fmt, median, removeCache, tempWorkspace, timed } from "./lib.js";

export async function benchAgainstBase(runs) {
  const base = process.env.BENCH_BASE;
  if (!base) {
    console.log(
      "base: set BENCH_BASE to a built checkout of another version to compare cold builds",
    );
    return;
  }
  const baseBin = path.join(path.resolve(base), "bin/collateral.js");
  const root = await tempWorkspace();
  const times = { now: [], pdfs: [], base: [] };
  for (let i = 0; i < runs; i++) {
    for (const [which, bin, only] of [
      ["base", baseBin, []],
      ["now", BIN, []],
      // The same three PDFs the base prints, without deck.pptx (which base versions before 0.3 do not make).
      ["pdfs", BIN, ["--only", "brochure,one-pager,deck.pdf"]],
    ]) {
      await removeCache(root);
      const r = await timed(process.execPath, [bin, "build", ...only], root);
      if (r.code !== 0) throw new Error(`${which} build failed: ${r.stderr}`);
      times[which].push(r.ms);
    }
  }
  const [now, pdfs, then] = [median(times.now), median(times.pdfs), median(times.base)];
  console.log(`build, cold, ${base}  median of ${runs}: ${fmt(then)}`);
  console.log(
    `build, cold, this checkout   median of ${runs}: ${fmt(now)} (ratio ${(now / then).toFixed(2)})`,
  );
  console.log(
    `  the same three PDFs without deck.pptx: ${fmt(pdfs)} (ratio ${(pdfs / then).toFixed(2)}; interleaved, same workspace)`,
  );
}
