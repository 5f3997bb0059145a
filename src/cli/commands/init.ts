// `collateral init [DIR]`: a new workspace, then the three commands to run next.
import path from "node:path";
import { init } from "../../pipeline.js";
import { parseCommandArgs, usage } from "../args.js";
import { dim, green, useColor } from "../print.js";

const WHAT: Record<string, string> = {
  "sources/claims.md":
    "the claims: front matter (every field commented) and one claim with its quote",
  "sources/sources.yaml": "the registry: the document the quote cites",
  "sources/cited/rfc2119-excerpt.pdf":
    "that document's local copy, which the quote is checked against",
  ".gitignore": "keeps output/ and .collateral-cache/ out of git",
  "sources/sources.lock": "that copy's hash and where its quote sits: check says when it changes",
};

/** DIR is the positional (default: --root, else the current folder). */
export async function runInit(argv: string[], root: string): Promise<number> {
  const { positionals } = parseCommandArgs("init", argv, {});
  if (positionals.length > 1) throw usage("init takes at most one DIR");
  const target = positionals[0] === undefined ? root : path.resolve(positionals[0]);
  const { files } = await init(target);
  const on = useColor(process.stdout);
  const shown = path.relative(process.cwd(), target);
  const width = Math.max(...files.map((f) => f.length));
  const lines = [
    `${green("✔", on)} a new workspace in ${shown === "" ? "this folder" : `${shown}/`}:`,
    ...files.map((f) => `  ${f.padEnd(width)}  ${dim(WHAT[f] ?? "", on)}`),
    "  templates/ is not there: the built-in templates are used; a file you put there overrides its namesake",
    "",
    "Next:",
    ...nextCommands(shown).map((c) => `  ${c}`),
    "",
  ];
  process.stdout.write(lines.join("\n"));
  return 0;
}

/** The three commands to run next: into the folder (when it is elsewhere), check, build. */
function nextCommands(shown: string): string[] {
  const check = "npx collateral check          # every quote against its document, every link";
  const build = "npx collateral build          # brochure, one-pager and deck into output/";
  if (shown === "")
    return [
      check,
      build,
      "npx collateral watch --serve  # rebuild on every save, with a live preview",
    ];
  const cd = /^[\w./-]+$/.test(shown) ? shown : JSON.stringify(shown);
  return [`cd ${cd}`, check, build];
}
