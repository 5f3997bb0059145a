// `collateral build`: verify, then render brochure, one-pager and deck into output/, with a line per piece.
import path from "node:path";
import { BrowserManager } from "../../export/browser.js";
import { type CollateralError, EXIT, printable, shownPosition } from "../../model/index.js";
import type { BuildResult } from "../../pipeline.js";
import { PIECES, type Piece } from "../../render/pieces.js";
import { list, type OptionSpec, oneOf, parseCommandArgs, usage } from "../args.js";
import { dim, green, printMessages, red, useColor } from "../print.js";
import { readLimitOptions, readLimits } from "../read-limits.js";

export const buildOptions: OptionSpec = {
  ...readLimitOptions,
  only: { type: "string" },
  audience: { type: "string" },
  prospect: { type: "string" },
  contact: { type: "string" },
  draft: { type: "boolean" },
  paper: { type: "string" },
  png: { type: "boolean" },
};

export async function runBuild(argv: string[], root: string): Promise<number> {
  const { values, positionals } = parseCommandArgs("build", argv, buildOptions);
  if (positionals.length) throw usage(`build takes no arguments (got "${positionals[0]}")`);
  const only = list(values.only).map((p) => oneOf("only", p, PIECES, "brochure") as Piece);
  const paper = oneOf("paper", values.paper, ["letter", "a4"] as const, "letter");
  const limits = readLimits(values);
  const on = useColor(process.stderr);
  const started = performance.now();
  // Every option is checked above, before Chromium starts: a usage error must not leave a browser running.
  // Chromium takes a second to start: spawn it first, then load the pipeline and parse while it boots.
  const browser = new BrowserManager();
  browser.launch().catch(() => undefined);
  let result: BuildResult;
  /** A piece that could not be laid out: the others were written, and are reported as usual before it. */
  let partial: CollateralError | null = null;
  try {
    const { build, PartialBuildError } = await import("../../pipeline.js");
    result = await build(
      root,
      {
        only,
        ...(typeof values.audience === "string" && { audience: values.audience }),
        ...(typeof values.prospect === "string" && {
          prospect: {
            company: values.prospect,
            ...(typeof values.contact === "string" && { contact: values.contact }),
          },
        }),
        draft: values.draft === true,
        paper,
        png: values.png === true,
        onPiece: (p) => {
          const file = path.relative(process.cwd(), p.pdfPath) || p.pdfPath;
          process.stderr.write(
            `${green("✔", on)} ${file} ${dim(`${p.pages} page(s), ${Math.round(p.ms)} ms`, on)}\n`,
          );
        },
      },
      { browser, readLimits: limits },
    ).catch((error: unknown) => {
      if (!(error instanceof PartialBuildError)) throw error;
      partial = error;
      return error.result;
    });
  } finally {
    // The pipeline closes it; this covers a failure before the pipeline took it over (a module that fails to load).
    await browser.close();
  }
  printMessages(result.messages, root);
  const failed = result.model.report.quotes.filter(
    (q) => !["verified", "uncited"].includes(q.status),
  );
  for (const q of failed) {
    process.stderr.write(
      `${shownPosition(q.position, root)}: ${red("UNVERIFIED", on)} (${q.status}) “${printable(q.text)}”\n`,
    );
  }
  const { summary } = result.model.report;
  process.stderr.write(
    `${summary.verified}/${summary.quotes} quotes verified · ${result.pieces.length} piece(s) in ${Math.round(performance.now() - started)} ms\n`,
  );
  if (partial) {
    const message = (partial as CollateralError).toString();
    process.stderr.write(`${red("error", on)}: ${printable(message, { newlines: true })}\n`);
    return EXIT.failed;
  }
  // A draft is written, but failing quotes still fail the command: CI must not mistake a draft for a release.
  return failed.length ? 1 : 0;
}
