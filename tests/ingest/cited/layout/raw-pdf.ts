// Test helper: a PDF written by hand, for what pdfkit cannot make, such as a glyph whose text is a soft hyphen.

/**
 * A PDF of one or more pages whose content streams are given as PDF operators, with Helvetica as /F1,
 * whose code 173 is the glyph "sfthyphen": drawn as a hyphen, read as U+00AD (LaTeX's hyphenation
 * character in tagged PDFs maps the same way). `differences` renames more codes: "192 /afii57664 …"
 * draws Hebrew letters from code 192 on.
 */
export function rawPdf(
  contents: readonly string[],
  options: { differences?: string } = {},
): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const differences = `173 /sfthyphen ${options.differences ?? ""}`;
  const font = add(
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${differences}] >> >>`,
  );
  const pagesId = objects.length + 1 + contents.length * 2;
  const kids: number[] = [];
  for (const content of contents) {
    const stream = add(
      `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    );
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  add(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`);
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Operators drawing each line at (x, y) from the bottom left, 11 pt Helvetica; "\xad" in a line is the soft hyphen glyph. */
export function textLines(lines: readonly { text: string; x: number; y: number }[]): string {
  const escaped = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  return lines.map((l) => `BT /F1 11 Tf ${l.x} ${l.y} Td (${escaped(l.text)}) Tj ET`).join("\n");
}
