// Tables without rules, short column stretches and stacked column regions: where reading columns one after the other is wrong.
import { describe, expect, it } from "vitest";
import { drawPdf, justified, lines, type Piece } from "./draw.js";
import { pagesOf, readPrepared } from "./helpers.js";

describe("a table without rules: labels in one column, values in the next", () => {
  function table(rows: readonly [string, string][], valueX = 200): Piece[] {
    const pieces: Piece[] = [{ text: "Prices and access rules", x: 60, y: 70, size: 12 }];
    rows.forEach(([label, value], i) => {
      pieces.push({ text: label, x: 60, y: 100 + i * 14 });
      pieces.push({ text: value, x: valueX, y: 100 + i * 14 });
    });
    pieces.push({
      text: "These rules are reviewed every quarter by the office.",
      x: 60,
      y: 100 + rows.length * 14 + 20,
    });
    return pieces;
  }

  it("never runs the last label on into the first value", async () => {
    const rows: [string, string][] = [
      ["Basic plan", "$10 per month"],
      ["Team plan", "$25 per month"],
      ["Enterprise plan", "$99 per month"],
    ];
    const doc = await readPrepared(await drawPdf([table(rows)]));
    expect(pagesOf("Enterprise plan $10 per month", doc)).toBeNull();
    expect(pagesOf("Basic plan Team plan Enterprise plan $10", doc)).toBeNull();
    for (const [label] of rows) expect(pagesOf(label, doc), label).toEqual([1]);
  });

  it("nor with two rows", async () => {
    const rows: [string, string][] = [
      ["Local console access", "Allowed for all staff"],
      ["Remote shell access", "Denied for all staff"],
    ];
    const doc = await readPrepared(await drawPdf([table(rows)]));
    expect(pagesOf("Remote shell access Allowed for all staff", doc)).toBeNull();
  });

  it("nor when the cells are sentences, rows apart", async () => {
    // Each cell two lines of prose, a blank line between rows: the columns look like text, the rows tell a table.
    const left = [
      ["The basic plan includes email support for", "every user on the account, on weekdays."],
      ["The premium plan adds phone support, with", "answers within an hour, around the clock."],
      ["The enterprise plan adds a named engineer", "who visits the customer twice each year."],
    ];
    const right = [
      ["It is free for schools, charities and all", "government agencies in the first year."],
      ["It costs twelve dollars a seat each month,", "billed once a year, with a free trial."],
      ["It is priced per contract; ask the sales", "office for a quote fitted to your needs."],
    ];
    const pieces: Piece[] = [
      ...left.flatMap((cell, i) => lines(cell, 60, 100 + i * 40)),
      ...right.flatMap((cell, i) => lines(cell, 300, 100 + i * 40)),
    ];
    const doc = await readPrepared(await drawPdf([pieces]));
    expect(
      pagesOf("who visits the customer twice each year. It is free for schools", doc),
    ).toBeNull();
    expect(pagesOf("It is free for schools, charities and all government agencies", doc)).toEqual([
      1,
    ]);
  });
});

describe("two columns of only three lines, 10 pt apart in 10 pt type", () => {
  const W = 170;
  const left = [
    "Encryption at rest is enabled by",
    "default on every managed disk and",
    "keys rotate each year for all",
  ];
  const right = [
    "Customer-managed keys are not",
    "available for legacy accounts that",
    "were created before 2019.",
  ];
  const pieces: Piece[] = [
    { text: "Storage guarantees", x: 60, y: 70, size: 14 },
    ...left.flatMap((t, i) => justified(t, 60, 100 + i * 12, W)),
    // The right column's last line ends its paragraph: set as it is, not stretched.
    ...right.flatMap((t, i) =>
      i < 2
        ? justified(t, 60 + W + 10, 100 + i * 12, W)
        : [{ text: t, x: 60 + W + 10, y: 100 + i * 12 }],
    ),
  ];

  it("reads each column down and never across the narrow gutter", async () => {
    const doc = await readPrepared(await drawPdf([pieces]));
    expect(pagesOf("Encryption at rest is enabled by Customer-managed keys", doc)).toBeNull();
    expect(pagesOf("Encryption at rest is enabled by default on every managed disk", doc)).toEqual([
      1,
    ]);
    expect(pagesOf("Customer-managed keys are not available for legacy accounts", doc)).toEqual([
      1,
    ]);
  });
});

describe("two columns, a paragraph across both, then two more columns", () => {
  const W = 230;
  const X = 60;
  const topLeft = [
    "1. Retention. Customer records are kept in",
    "the EU region. Records a customer deletes",
    "are held in the trash for",
  ];
  const topRight = [
    "thirty days, then moved to cold storage.",
    "2. Support. The support team is available",
    "around the clock for enterprise customers.",
  ];
  const across = [
    "3. Archive service. The following applies to the archive service, which is sold as a separate product",
    "with its own terms and its own retention schedule, as set out below in sections four and five.",
  ];
  const bottomLeft = [
    "4. Archive retention. Archived records are",
    "kept for ten years. Deleted records stay",
    "recoverable by the owner for",
  ];
  const bottomRight = [
    "seven years, after which they are gone for",
    "good. 5. Archive access. Archived data is",
    "restored within 48 hours on request.",
  ];
  const pieces = [
    ...lines(topLeft, X, 100),
    ...lines(topRight, X + W + 30, 100),
    ...lines(across, X, 150),
    ...lines(bottomLeft, X, 190),
    ...lines(bottomRight, X + W + 30, 190),
  ];

  it("runs each lower column on into the one beside it, never into the upper one", async () => {
    const doc = await readPrepared(await drawPdf([pieces]));
    expect(pagesOf("recoverable by the owner for thirty days", doc)).toBeNull();
    expect(pagesOf("Deleted records stay recoverable by the owner for seven years", doc)).toEqual([
      1,
    ]);
    expect(
      pagesOf("Records a customer deletes are held in the trash for thirty days", doc),
    ).toEqual([1]);
    expect(
      pagesOf("around the clock for enterprise customers. 3. Archive service", doc),
    ).toBeNull();
  });
});
