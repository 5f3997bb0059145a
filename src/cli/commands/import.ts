// `collateral import FILE`: a plain-text document → a Markdown draft on stdout.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { importPlainText } from "../../ingest/import-text.js";
import { CollateralError } from "../../model/index.js";
import { parseCommandArgs, usage } from "../args.js";

export async function runImport(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("import", argv, { title: { type: "string" } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw usage("import takes exactly one FILE");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CollateralError(`${file}: cannot read (${code ?? "error"})`, { rule: "import" });
  }
  if (text.includes("\u0000"))
    throw new CollateralError(`${file}: not a text file`, { rule: "import" });
  const title =
    typeof values.title === "string" ? values.title : path.parse(file).name.replace(/[-_]+/g, " ");
  process.stdout.write(importPlainText(text, { title }));
  return 0;
}
