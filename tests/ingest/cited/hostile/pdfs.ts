// Test helper: hostile PDFs written by hand, object by object (a fan-out of forms, 50,000 pages, a stream that inflates to gigabytes).
import { deflateSync } from "node:zlib";

/** A PDF from its objects' bodies (object n is bodies[n - 1]); object 1 must be the catalog. */
export function pdfOf(bodies: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      typeof body === "string" ? Buffer.from(body, "latin1") : body,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(chunk);
    offset += chunk.length;
  });
  let xref = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream", "latin1"),
  ]);
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
const TEXT = "BT /F1 12 Tf 72 700 Td (A line of text.) Tj ET";

/**
 * A "billion laughs" for PDF: `depth` levels of form XObjects, each drawing the next twice, the last one
 * a line of text: 2^depth lines to draw from a few kilobytes.
 */
export function formFanOut(depth: number): Buffer {
  // 1 catalog, 2 pages, 3 page, 4 font, 5 page content, 6.. the forms.
  const bodies: (string | Buffer)[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >> /Contents 5 0 R >>",
    FONT,
    stream("", Buffer.from("/X Do /X Do", "latin1")),
  ];
  for (let level = 0; level < depth; level++) {
    const id = 6 + level;
    const last = level === depth - 1;
    const content = last ? TEXT : "/X Do /X Do";
    const resources = last
      ? "<< /Font << /F1 4 0 R >> >>"
      : `<< /Font << /F1 4 0 R >> /XObject << /X ${id + 1} 0 R >> >>`;
    bodies.push(
      stream(
        `/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources ${resources}`,
        Buffer.from(content, "latin1"),
      ),
    );
  }
  return pdfOf(bodies);
}

/** A PDF of `count` pages, all showing one shared line of text: small on disk, endless to read. */
export function manyPages(count: number): Buffer {
  const first = 5;
  const kids = Array.from({ length: count }, (_, i) => `${first + i} 0 R`).join(" ");
  const bodies: (string | Buffer)[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    FONT,
    stream("", Buffer.from(TEXT, "latin1")),
  ];
  for (let i = 0; i < count; i++) {
    bodies.push(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
    );
  }
  return pdfOf(bodies);
}

/**
 * A page whose content stream is `megabytes` of blank space deflated (about a thousandth of that on
 * disk) before its line of text: the reader must inflate it all to read the line.
 */
export function inflating(megabytes: number): Buffer {
  const blank = Buffer.alloc(1024 * 1024, 0x20);
  const chunks: Buffer[] = [];
  for (let i = 0; i < megabytes; i++) chunks.push(blank);
  chunks.push(Buffer.from(TEXT, "latin1"));
  const packed = deflateSync(Buffer.concat(chunks), { level: 9 });
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    FONT,
    stream("/Filter /FlateDecode", packed),
  ]);
}
