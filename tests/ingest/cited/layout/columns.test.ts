// Columns, forms and notes whose content streams run in another order than a reader reads them.
import { describe, expect, it } from "vitest";
import { drawPdf, justified, type Piece } from "./draw.js";
import { pagesOf, readPrepared } from "./helpers.js";
import { sentences, splice, wrap } from "./text.js";

describe("a three-column page whose stream runs row by row across the columns", () => {
  const text = sentences(18).join(" ");
  const all = wrap(text, 36);
  const perColumn = Math.ceil(all.length / 3);
  const columns = [0, 1, 2].map((c) => all.slice(c * perColumn, (c + 1) * perColumn));
  const xs = [40, 222, 402];
  // Row by row: line r of column 1, then of column 2, then of column 3, as the IRS booklet's stream runs.
  // The columns' baselines are offset a little, as in that booklet.
  const pieces: Piece[] = [];
  for (let r = 0; r < perColumn; r++) {
    columns.forEach((lines, c) => {
      const line = lines[r];
      if (line) pieces.push({ text: line, x: xs[c]!, y: 80 + r * 12 + c * 4, size: 9.5 });
    });
  }

  it("finds every sentence, those that run from the foot of one column to the head of the next too", async () => {
    const doc = await readPrepared(await drawPdf([pieces]));
    for (const sentence of sentences(18)) expect(pagesOf(sentence, doc), sentence).toEqual([1]);
  });

  it("finds no splice of two columns' lines read straight across the gutter", async () => {
    const doc = await readPrepared(await drawPdf([pieces]));
    for (let r = 0; r < columns[2]!.length - 1; r++) {
      const trap = splice(columns[0]![r]!, columns[1]![r]!);
      expect(pagesOf(trap, doc), trap).toBeNull();
      const trap2 = splice(columns[1]![r]!, columns[2]![r]!);
      expect(pagesOf(trap2, doc), trap2).toBeNull();
    }
  });
});

describe("two justified columns with a gutter narrower than their widest word spaces", () => {
  // LaTeX sets two columns of 10 pt text 10 pt apart, and stretches a loose line's spaces wider than that.
  const text = sentences(20, 40).join(" ");
  const all = wrap(text, 44);
  const half = Math.ceil(all.length / 2);
  const columns = [all.slice(0, half), all.slice(half)];
  const WIDTH = 240;
  const pieces: Piece[] = [];
  for (let r = 0; r < half; r++) {
    columns.forEach((lines, c) => {
      const line = lines[r];
      if (!line) return;
      const x = 60 + c * (WIDTH + 10);
      // Each word its own piece, spread to fill the column (but the last line), as a justified line is.
      if (r === lines.length - 1) pieces.push({ text: line, x, y: 90 + r * 12 });
      else pieces.push(...justified(line, x, 90 + r * 12, WIDTH));
    });
  }

  it("reads each column down, then the next, and never across the gutter", async () => {
    const doc = await readPrepared(await drawPdf([pieces]));
    for (const sentence of sentences(20, 40)) expect(pagesOf(sentence, doc), sentence).toEqual([1]);
    for (let r = 0; r < half - 1; r++) {
      const trap = splice(columns[0]![r]!, columns[1]![r]!, 2);
      expect(pagesOf(trap, doc), trap).toBeNull();
    }
  });
});

describe("a form whose boxes are drawn out of order", () => {
  const boxes = [
    { label: "Applicant name", value: "Jordan Example Smith", x: 60, y: 100 },
    { label: "Exam code", value: "CISSO version A", x: 320, y: 100 },
    { label: "Years of experience required", value: "none at all", x: 60, y: 160 },
    { label: "Passing score", value: "seventy percent", x: 320, y: 160 },
    { label: "Delivery", value: "online or proctored", x: 60, y: 220 },
    { label: "Retake wait", value: "five days", x: 320, y: 220 },
  ];
  // The producer wrote the boxes in another order than they sit, and each value before its label.
  const order = [3, 0, 5, 1, 4, 2];
  const pieces: Piece[] = order.flatMap((k) => {
    const box = boxes[k]!;
    return [
      { text: box.value, x: box.x, y: box.y + 14 },
      { text: box.label, x: box.x, y: box.y, size: 8 },
    ];
  });

  it("finds each box's own text, and no run of words from two boxes", async () => {
    const doc = await readPrepared(await drawPdf([pieces]));
    for (const box of boxes) {
      expect(pagesOf(box.value, doc), box.value).toEqual([1]);
      expect(pagesOf(box.label, doc), box.label).toEqual([1]);
    }
    // Neighbours in the stream, and neighbours across the form's gutter, are never read as one.
    expect(pagesOf("seventy percent Applicant name", doc)).toBeNull();
    expect(pagesOf("Jordan Example Smith Retake wait", doc)).toBeNull();
    expect(pagesOf("Years of experience required Passing score", doc)).toBeNull();
    expect(pagesOf("required none at all seventy percent", doc)).toBeNull();
    expect(pagesOf("Exam code CISSO version A Years", doc)).toBeNull();
  });
});

describe("a note in the margin beside the body", () => {
  const body = wrap(sentences(6, 80).join(" "), 70);
  const pieces: Piece[] = [
    ...body.map((line, i) => ({ text: line, x: 100, y: 100 + i * 12 })),
    // Two lines in the margin, level with the body's third and fourth lines, drawn after the body.
    { text: "Marginal", x: 20, y: 124 },
    { text: "notes float", x: 20, y: 136 },
  ];

  it("reads the body past the note, and never a note's words into a body line", async () => {
    const doc = await readPrepared(await drawPdf([pieces]));
    for (const sentence of sentences(6, 80)) expect(pagesOf(sentence, doc), sentence).toEqual([1]);
    expect(pagesOf(`Marginal ${body[2]!.split(" ").slice(0, 3).join(" ")}`, doc)).toBeNull();
    expect(pagesOf(`notes float ${body[3]!.split(" ").slice(0, 3).join(" ")}`, doc)).toBeNull();
    expect(pagesOf("Marginal notes float", doc)).toEqual([1]);
  });
});
