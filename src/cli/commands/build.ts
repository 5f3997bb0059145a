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
  notes: { type: "boolean" },
};

export async function runBuild(argv: string[], root: string): Promise<number> {
  const { values, positionals } = parseCommandArgs("build", argv, buildOptions);
  if (positionals.length) throw usage(`build takes no arguments (got "${positionals[0]}")`);
  const { only, deck } = onlyOption(values.only);
  if (values.notes === true && only.length && !only.includes("deck"))
    throw usage("--notes prints the deck with its speaker notes: add deck to --only");
  const paper = oneOf("paper", values.paper, ["letter", "a4"] as const, "letter");
  const limits = readLimits(values);
  const on = useColor(process.stderr);
  const started = performance.now();
  // Every option is checked above, before Chromium starts: a usage error must not leave a browser running.
  // Chromium takes a second to start: spawn it first, then load the pipeline and parse while it boots.
  const browser = new BrowserManager();
  // deck.pptx alone prints nothing: no browser (one starts later only if a saved page must be read).
  if (!only.length || only.some((p) => p !== "deck" || deck.pdf) || values.notes === true)
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
        deck,
        notes: values.notes === true,
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
  if (result.handout) {
    const file = path.relative(process.cwd(), result.handout.path) || result.handout.path;
    process.stderr.write(
      `${green("✔", on)} ${file} ${dim(`${result.handout.pages} page(s), ${result.handout.ms} ms`, on)}\n`,
    );
  }
  if (result.pptx) {
    const file = path.relative(process.cwd(), result.pptx.path) || result.pptx.path;
    process.stderr.write(
      `${green("✔", on)} ${file} ${dim(`${result.pptx.slides} slide(s), ${result.pptx.ms} ms`, on)}\n`,
    );
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

const DECK_FILES = ["deck.pdf", "deck.pptx"] as const;

/**
 * `--only` names pieces, and the deck's two files on their own: `deck` is deck.pdf and deck.pptx, `deck.pdf` or
 * `deck.pptx` only that one. No `--only` builds everything.
 */
export function onlyOption(value: unknown): {
  only: Piece[];
  deck: { pdf: boolean; pptx: boolean };
} {
  const names: string[] = list(value).map((p) =>
    (DECK_FILES as readonly string[]).includes(p) ? p : oneOf("only", p, PIECES, "brochure"),
  );
  const deckFiles = names.filter((n) => n.startsWith("deck"));
  const has = (n: string) =>
    deckFiles.length === 0 || deckFiles.includes("deck") || deckFiles.includes(n);
  const only = [...new Set(names.map((n) => (n.startsWith("deck") ? "deck" : n) as Piece))];
  return { only, deck: { pdf: has("deck.pdf"), pptx: has("deck.pptx") } };
}
