// Test helper: read a PDF back the way a reader would (poppler's pdftotext/pdfinfo/pdffonts, and pdf-lib for links).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";

const run = promisify(execFile);

export async function pdfText(
  file: string,
  pages?: { first: number; last: number },
): Promise<string> {
  const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
  // -raw: content-stream order, so a floated pull quote does not interleave with the text beside it.
  const { stdout } = await run("pdftotext", ["-raw", "-enc", "UTF-8", ...range, file, "-"]);
  return stdout;
}

/** Text without any white space: line joins in extracted text vary, the words and their order do not. */
export function squash(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Text with line breaks and hyphen-breaks undone, for "does this sentence appear" checks. */
export function flat(text: string): string {
  return text.replace(/-\s*\n\s*/g, "-").replace(/\s+/g, " ");
}

export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run("pdfinfo", [file]);
  return Object.fromEntries(
    stdout
      .split("\n")
      .filter((line) => line.includes(":"))
      .map((line) => [
        line.slice(0, line.indexOf(":")).trim(),
        line.slice(line.indexOf(":") + 1).trim(),
      ]),
  );
}

/** Each font row of pdffonts: name and whether it is embedded. */
export async function pdfFonts(file: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run("pdffonts", [file]);
  return stdout
    .split("\n")
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: emb is the 5th column from the end.
      return { name: cols[0]!, embedded: cols.at(-5) === "yes" };
    });
}

/** Every /URI of every link annotation. */
export async function pdfLinks(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const uris: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      const uri = annot.lookupMaybe(PDFName.of("A"), PDFDict)?.lookup(PDFName.of("URI"));
      if (uri instanceof PDFString || uri instanceof PDFHexString) uris.push(uri.decodeText());
    }
  }
  return uris;
}

export async function hasOutline(bytes: Uint8Array): Promise<boolean> {
  const doc = await PDFDocument.load(bytes);
  return doc.catalog.has(PDFName.of("Outlines"));
}
