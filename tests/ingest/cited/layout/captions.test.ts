// Captions float with their figure: a sentence of the body runs past them. A paragraph that merely starts with a label word does not.
import { describe, expect, it } from "vitest";
import { isCaption } from "../../../../src/ingest/cited/pdf-layout/captions.js";
import { drawPdf, lines } from "./draw.js";
import { pagesOf, readPrepared } from "./helpers.js";

describe("a caption", () => {
  it("is told by its label and number, in the languages cited most", () => {
    for (const caption of [
      "Figure 3: Sales",
      "Fig. 2.1. Growth",
      "Table IV. Costs",
      "Tab. 3 – x",
      "Figure S2. x",
      "Exhibit A: Terms",
      "Abbildung 4: Umsatz",
      "Tableau 2 – Prix",
      "図1 売上の推移",
      "表 2．費用",
    ])
      expect(isCaption(caption), caption).toBe(true);
  });

  it("is never a sentence that starts with a label word", () => {
    for (const sentence of [
      "Photos: visitors may not take photos",
      "Maps: see below",
      "Tables: two",
      "Exhibits: none",
      "Tablet. A new device",
      "Boxy. A shape",
      "Figure 1 shows the growth",
      "表示する前に",
    ])
      expect(isCaption(sentence), sentence).toBe(false);
  });
});

describe("a figure between two halves of a sentence", () => {
  it("is passed over, its caption quoted on its own", async () => {
    const pieces = [
      ...lines(
        [
          "The audit found that every site keeps its logs for",
          "the full period the policy sets, and that",
        ],
        60,
        100,
      ),
      { text: "Figure 2: Log retention by site", x: 60, y: 250, size: 10 },
      ...lines(["no site deletes a log before its review."], 60, 280),
    ];
    const doc = await readPrepared(await drawPdf([pieces]));
    expect(
      pagesOf("the policy sets, and that no site deletes a log before its review", doc),
    ).toEqual([1]);
    expect(pagesOf("Log retention by site", doc)).toEqual([1]);
  });
});

describe("a paragraph that starts with a word like Photos:", () => {
  it("stays in the running text, between the paragraphs around it", async () => {
    const pieces = [
      ...lines(
        [
          "Visitor rules. Visitors must sign in at the front desk and wear a badge at all",
          "times. Laptops and phones may be used in the lobby and the meeting rooms,",
        ],
        60,
        100,
      ),
      ...lines(
        [
          "Photos: visitors may not take photos or video anywhere in the building, and",
          "any recording found on a device is deleted before the visitor leaves.",
        ],
        60,
        130,
      ),
      ...lines(
        [
          "Recording devices brought by a visitor are held at the desk and returned at",
          "the end of the visit.",
        ],
        60,
        160,
      ),
    ];
    const doc = await readPrepared(await drawPdf([pieces]));
    expect(
      pagesOf(
        "phones may be used in the lobby and the meeting rooms, recording devices brought by a visitor",
        doc,
      ),
    ).toBeNull();
    expect(pagesOf("the meeting rooms, Photos: visitors may not take photos", doc)).toEqual([1]);
  });
});
