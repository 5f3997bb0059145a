// deck.pptx opened by a real presentation program: LibreOffice Impress (headless) converts it to PDF, read back.
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, runCli } from "../helpers/workspace.js";
import { pdfInfo, pdfText } from "./pdf-read.js";

const run = promisify(execFile);
const TIMEOUT = 240_000;

/** `soffice` on PATH, or null: the test then skips, saying how to get it. */
async function findSoffice(): Promise<string | null> {
  for (const name of ["soffice", "libreoffice"]) {
    const found = await run("sh", ["-c", `command -v ${name}`]).catch(() => null);
    if (found?.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

const soffice = await findSoffice();
if (!soffice)
  console.warn(
    "LibreOffice is absent: the deck.pptx test in a real presentation program is skipped (apt-get install libreoffice-impress)",
  );

describe.skipIf(!soffice)("deck.pptx in LibreOffice Impress", () => {
  let root: string;
  let converted: string;
  let outDir: string;
  /** LibreOffice converting deck.pptx to PDF with `filter`, into `dir`, with a profile of its own. */
  const convert = (filter: string, dir: string) =>
    run(
      soffice!,
      [
        `-env:UserInstallation=file://${outDir}/profile`,
        "--headless",
        "--convert-to",
        filter,
        "--outdir",
        dir,
        path.join(root, "output/deck.pptx"),
      ],
      { timeout: TIMEOUT - 30_000 },
    );
  beforeAll(async () => {
    root = await copyWorkspace();
    const build = await runCli(["build", "--only", "deck"], root);
    expect(build.code, build.stderr).toBe(0);
    outDir = await mkdtemp(path.join(os.tmpdir(), "collateral-impress-"));
    // A profile of its own: a second LibreOffice (the user's, another test) must not take the conversion over.
    await convert("pdf", outDir);
    converted = path.join(outDir, "deck.pdf");
  }, TIMEOUT);

  it("opens it and prints as many slides as collateral's deck.pdf has pages", async () => {
    const ours = Number((await pdfInfo(path.join(root, "output/deck.pdf"))).Pages);
    expect(Number((await pdfInfo(converted)).Pages)).toBe(ours);
    expect((await pdfInfo(converted)).Title).toBe("CISSO vs CISSP: Security Leadership Sooner");
  });

  it("shows every slide's title, on its own page, as the PDF does", async () => {
    const pages = Number((await pdfInfo(converted)).Pages);
    const titles = [
      "Accessible Entry Point",
      "Focused Role-Based Content Aligned to Management/Auditing",
      "Conclusion",
      "CISSO vs CISSP",
      "References",
    ];
    const texts = await Promise.all(
      Array.from({ length: pages }, (_, i) => pdfText(converted, { first: i + 1, last: i + 1 })),
    );
    const flat = texts.map((t) => t.replace(/\s+/g, " "));
    for (const title of titles)
      expect(
        flat.some((t) => t.includes(title)),
        title,
      ).toBe(true);
    expect(flat[1]).toContain("Accessible Entry Point");
    expect(flat.at(-2)).toContain("References");
  });

  it(
    "reads each slide's speaker notes, with the citations, on its notes pages",
    async () => {
      const notesDir = path.join(outDir, "notes");
      await convert(
        'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"}}',
        notesDir,
      );
      const text = (await pdfText(path.join(notesDir, "deck.pdf"))).replace(/\s+/g, "");
      expect(text).toContain("Sources:[1]CISSOExamBlueprintOutline,Mile2,p.2—");
      expect(text).toContain("mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf");
      expect(text).toContain("Sources:[3]CISSO:CertifiedInformationSystemsSecurityOfficer");
    },
    TIMEOUT,
  );
});
