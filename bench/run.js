// `npm run bench`: prints the figures (medians) that the issue notes report. Never part of `npm test`.
import { benchAgainstBase } from "./base.js";
import { benchCited } from "./cited.js";
import { benchCli } from "./cli.js";
import { benchLive } from "./live.js";
import { benchPortal } from "./portal.js";
import { benchPptx } from "./pptx.js";
import { benchWatch } from "./watch.js";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

const { findChromium } = await import("../dist/src/export/index.js");
console.log(
  `collateral benchmarks on ${process.version}, ${(await import("node:os")).cpus().length} cores, printing with ${findChromium()}\n`,
);
if (want("cited")) await benchCited(runs);
if (want("cli")) await benchCli(runs);
if (want("watch")) await benchWatch(runs);
if (want("live")) await benchLive(runs);
if (want("pptx")) await benchPptx(runs);
if (want("base")) await benchAgainstBase(runs);
if (want("portal")) await benchPortal(Number(process.env.BENCH_SECONDS ?? 10));
