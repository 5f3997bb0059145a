// `collateral import FILE`: a plain-text document → a Markdown draft on stdout.
import path from "node:path";
import { readBounded } from "../../ingest/bounded-read.js";
import { importPlainText } from "../../ingest/import-text.js";

/** The largest text `import` takes (a long marketing document is a few hundred kilobytes). */
const MAX_IMPORT_BYTES = 20_000_000;

import { CollateralError } from "../../model/index.js";
import { parseCommandArgs, usage } from "../args.js";

export async function runImport(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("import", argv, { title: { type: "string" } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw usage("import takes exactly one FILE");
  const read = await readBounded(file, MAX_IMPORT_BYTES);
  if (!read.ok) {
    const why =
      read.reason === "too-large"
        ? `larger than ${MAX_IMPORT_BYTES / 1e6} MB: import takes a document's text, not a dump`
        : read.reason === "not-a-file"
          ? "not a regular file (a device or a pipe): save the text to a file first"
          : `cannot read (${read.code === "EACCES" ? "permission denied" : (read.code ?? "error")})`;
    throw new CollateralError(`${file}: ${why}`, { rule: "import" });
  }
  const bytes = read.bytes;
  if (bytes.includes(0)) throw new CollateralError(`${file}: not a text file`, { rule: "import" });
  const text = decodeText(bytes, file);
  const title =
    typeof values.title === "string" ? values.title : path.parse(file).name.replace(/[-_]+/g, " ");
  process.stdout.write(importPlainText(text, { title }));
  return 0;
}

/** UTF-8, or, for an older export that is not, Windows-1252 (Latin-1) with a note: never "Caf\uFFFD". */
function decodeText(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    process.stderr.write(`${file}: not UTF-8; read as Windows-1252 (Latin-1): check the accents\n`);
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
