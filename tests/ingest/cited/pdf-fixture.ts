// Test helper: a small real PDF made with pdfkit in memory, one text block per page.
import PDFDocument from "pdfkit";

const FIXED = new Date(Date.UTC(2026, 0, 1));

export function makePdf(pages: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: FIXED } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const text of pages) {
    doc.addPage({ size: "A5", margin: 40 });
    doc.font("Helvetica").fontSize(11).text(text);
  }
  doc.end();
  return done;
}
