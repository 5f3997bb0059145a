// The starter's cited document: a short excerpt of RFC 2119, typeset as a one-page PDF when `init` runs.
import { PDFDocument, type PDFFont, StandardFonts } from "pdf-lib";

/** Kept fixed so that `init` writes the same bytes every time (and a parsed copy is cached once). */
const WRITTEN = new Date("2026-12-06T00:00:00Z");

interface Paragraph {
  text: string;
  size: number;
  bold?: boolean;
  /** Space above, in points. */
  above: number;
}

/**
 * Words as RFC 2119 has them (the IETF lets RFCs be copied; an excerpt is marked as one). The starter's
 * claim quotes section 1, so a user who drops the full RFC in place still sees it verify.
 */
const EXCERPT: Paragraph[] = [
  {
    text: "Key words for use in RFCs to Indicate Requirement Levels",
    size: 16,
    bold: true,
    above: 0,
  },
  { text: "RFC 2119 · S. Bradner · March 1997 · Best Current Practice", size: 10, above: 6 },
  {
    text: "Excerpt, copied by collateral init as the example of a cited document. The full text is at https://www.rfc-editor.org/rfc/rfc2119.",
    size: 9,
    above: 4,
  },
  { text: "Abstract", size: 12, bold: true, above: 22 },
  {
    text: "In many standards track documents several words are used to signify the requirements in the specification. These words are often capitalized. This document defines these words as they should be interpreted in IETF documents.",
    size: 11,
    above: 6,
  },
  {
    text: '1. MUST This word, or the terms "REQUIRED" or "SHALL", mean that the definition is an absolute requirement of the specification.',
    size: 11,
    above: 14,
  },
  {
    text: '2. MUST NOT This phrase, or the phrase "SHALL NOT", mean that the definition is an absolute prohibition of the specification.',
    size: 11,
    above: 10,
  },
  {
    text: '3. SHOULD This word, or the adjective "RECOMMENDED", mean that there may exist valid reasons in particular circumstances to ignore a particular item, but the full implications must be understood and carefully weighed before choosing a different course.',
    size: 11,
    above: 10,
  },
];

const PAGE = { width: 612, height: 792, margin: 72 };

export async function starterPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle("RFC 2119 (excerpt): Key words for use in RFCs to Indicate Requirement Levels");
  doc.setCreationDate(WRITTEN);
  doc.setModificationDate(WRITTEN);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  for (const p of EXCERPT) {
    const font = p.bold ? bold : regular;
    y -= p.above;
    for (const line of wrap(p.text, font, p.size, PAGE.width - 2 * PAGE.margin)) {
      y -= p.size * 1.35;
      page.drawText(line, { x: PAGE.margin, y, size: p.size, font });
    }
  }
  return doc.save({ useObjectStreams: false });
}

/** Greedy line breaking at spaces, measured in the font. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
