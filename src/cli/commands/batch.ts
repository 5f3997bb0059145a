// `collateral batch FILE.csv`: one tailored one-pager per row, a few at once; a bad row is reported by line and skipped.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import {
  printPdf,
  RENDER_CONCURRENCY,
  retryIfBrowserGone,
  writeFileAtomic,
} from "../../export/index.js";
import { CollateralError, didYouMean, prospectTextProblem } from "../../model/index.js";
import { failingQuotes, OUTPUT_DIR, Pipeline } from "../../pipeline.js";
import { unicodeFileStem } from "../../server/filename.js";
import { parseCommandArgs, usage } from "../args.js";
import { dim, green, red, useColor } from "../print.js";
import { readLimitOptions, readLimits } from "../read-limits.js";

interface Row {
  line: number;
  audience: string;
  company: string;
  contact: string;
}

export async function runBatch(argv: string[], root: string): Promise<number> {
  const { values, positionals } = parseCommandArgs("batch", argv, readLimitOptions);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw usage("batch takes exactly one FILE.csv");
  const rows = await readRows(file);
  const pipeline = new Pipeline(root, { readLimits: readLimits(values) });
  try {
    const { model } = await pipeline.verify();
    if (failingQuotes(model).length)
      throw new CollateralError("content fails verification: run collateral check", {
        exitCode: 1,
      });
    const known = model.meta.audiences.map((a) => a.id);
    // An audience typed in another case (SRE-LEADS) is the audience: its file is named as the front matter spells it.
    for (const row of rows)
      row.audience = known.find((id) => id === row.audience.toLowerCase()) ?? row.audience;
    const outDir = path.join(root, OUTPUT_DIR, "one-pagers");
    const progress = new Progress(rows.length, file);
    const names = fileNames(rows);
    let failed = 0;
    const renderRow = async (row: Row, name: string): Promise<void> => {
      const request = row.contact ? row : { audience: row.audience, company: row.company };
      try {
        const rendered = await pipeline.renderOnePager(model, request);
        const { pdf } = await retryIfBrowserGone(() => printPdf(pipeline.browser, rendered));
        await writeFileAtomic(path.join(outDir, name), pdf);
        progress.done(row.line, name);
      } catch (error) {
        // A print that fails (after one more try when Chromium died) costs this row only.
        failed++;
        const reason = error instanceof CollateralError ? error.message : String(error);
        progress.fail(`${file}:${row.line}: ${reason}; skipped`);
      }
    };
    const queue = rows.map((row, i) => ({ row, name: names[i] }));
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const problem = rowProblem(next.row, known);
        if (problem) {
          failed++;
          progress.fail(`${file}:${next.row.line}: ${problem}; skipped`);
        } else await renderRow(next.row, next.name ?? "");
      }
    };
    await Promise.all(Array.from({ length: RENDER_CONCURRENCY }, worker));
    progress.summary(failed, outDir);
    return failed ? 1 : 0;
  } finally {
    await pipeline.close();
  }
}

async function readRows(file: string): Promise<Row[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CollateralError(
      `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  const delimiter = sniffDelimiter(text, file);
  try {
    const records = parse(text, {
      delimiter,
      columns: (h: string[]) => headerOf(h, file),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return records.map(({ record, info }) => ({
      line: info.lines,
      audience: record.audience ?? "",
      company: record.company ?? "",
      contact: record.contact ?? "",
    }));
  } catch (error) {
    if (error instanceof CollateralError) throw error;
    throw new CollateralError(
      `${file}: not valid CSV (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

const COLUMNS = ["audience", "company", "contact"];
const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The header says how the columns are separated: commas, or the semicolons Excel writes where the decimal
 * mark is a comma, or tabs. A header that none of them splits into known columns is refused, not guessed.
 */
function sniffDelimiter(text: string, file: string): string {
  const header = (text.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "").toLowerCase();
  const known = (d: string) =>
    header.split(d).filter((cell) => COLUMNS.includes(cell.trim().replace(/^"|"$/g, ""))).length;
  const best = DELIMITERS.map((d) => ({ d, known: known(d) })).sort(
    (a, b) => b.known - a.known,
  )[0]!;
  if (best.known > 0) return best.d;
  if (DELIMITERS.some((d) => header.includes(d))) return ",";
  throw new CollateralError(
    `${file}:1: cannot tell how the columns are separated: use commas (audience,company,contact), or semicolons or tabs`,
  );
}

/**
 * The first line names the columns: audience and company at least. Without that header the first
 * prospect would silently become one; an unknown column is a typo ("contcat") that would drop a field.
 */
function headerOf(cells: string[], file: string): string[] {
  const names = cells.map((c) => c.trim().toLowerCase());
  const missing = ["audience", "company"].filter((c) => !names.includes(c));
  if (missing.length)
    throw new CollateralError(
      `${file}:1: the first line must name the columns (audience,company,contact); missing ${missing.join(" and ")}`,
    );
  const unknown = names.filter((n) => n !== "" && !COLUMNS.includes(n));
  if (unknown.length)
    throw new CollateralError(
      `${file}:1: unknown column ${unknown.map((u) => `"${u}"`).join(", ")} (known: ${COLUMNS.join(", ")})`,
    );
  return names;
}

/**
 * `Company-audience.pdf` per row, in row order; a name already taken (the same company and audience twice,
 * another contact) gets `-2`, `-3`: no row overwrites another's one-pager.
 */
function fileNames(rows: readonly Row[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    // The company's own letters, accents and scripts kept, as the portal's downloads keep them.
    const stem = `${unicodeFileStem(row.company.normalize("NFC"))}-${row.audience}`;
    const n = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, n);
    return n === 1 ? `${stem}.pdf` : `${stem}-${n}.pdf`;
  });
}

function rowProblem(row: Row, known: readonly string[]): string | null {
  if (!known.includes(row.audience))
    return `unknown audience "${row.audience}"${didYouMean(row.audience, known)} (known: ${known.join(", ")})`;
  const company = prospectTextProblem(row.company);
  if (company) return `company ${company}`;
  const contact = row.contact === "" ? null : prospectTextProblem(row.contact);
  return contact ? `contact ${contact}` : null;
}

/** A one-line progress bar on a terminal; plain lines elsewhere (CI logs). */
class Progress {
  private count = 0;
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly on = useColor(process.stderr);
  constructor(
    private readonly total: number,
    private readonly file: string,
  ) {}

  /** Rows finish a few at once, out of order: each is named by its line in the file, the count says how many are done. */
  done(line: number, name: string): void {
    this.count++;
    const row = `${this.file}:${line}`;
    if (this.tty)
      process.stderr.write(
        `\r${this.bar()} ${this.count}/${this.total} ${dim(`${row} → ${name}`, this.on)}\u001b[K`,
      );
    else
      process.stderr.write(
        `${green("✔", this.on)} ${row} → ${name} ${dim(`(${this.count}/${this.total})`, this.on)}\n`,
      );
  }

  fail(message: string): void {
    this.count++;
    process.stderr.write(`${this.tty ? "\r\u001b[K" : ""}${red("✖", this.on)} ${message}\n`);
  }

  summary(failed: number, outDir: string): void {
    if (this.tty) process.stderr.write("\n");
    process.stderr.write(
      `${this.total - failed} one-pager(s) written to ${path.relative(process.cwd(), outDir) || "."}; ${failed} row(s) skipped\n`,
    );
  }

  private bar(): string {
    const width = 24;
    const filled = Math.round((this.count / Math.max(this.total, 1)) * width);
    return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
  }
}
