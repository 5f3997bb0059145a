import { describe, expect, it } from "vitest";
import {
  locateQuote,
  MAX_ELLIPSIS_GAP,
  prepareText,
  quoteParts,
} from "../../../src/verify/quote/index.js";
import { fixturePages } from "./helpers.js";

const niccs = prepareText(fixturePages("niccs-cisso"));
const blueprint = prepareText(fixturePages("cisso-blueprint"));
const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(" ");

describe("quoteParts", () => {
  it("splits a quote at every form of ellipsis", () => {
    const expected = [
      ["validated", "by"],
      ["and", "more"],
    ];
    expect(quoteParts("validated by … and more")).toEqual(expected);
    expect(quoteParts("validated by ... and more")).toEqual(expected);
    expect(quoteParts("validated by . . . and more")).toEqual(expected);
    expect(quoteParts("validated by [...] and more")).toEqual(expected);
    expect(quoteParts("validated by…and more")).toEqual(expected);
  });

  it("drops a leading or trailing ellipsis", () => {
    expect(quoteParts("… there are no minimum requirements …")).toEqual([
      ["there", "are", "no", "minimum", "requirements"],
    ]);
  });

  it("keeps decimals and abbreviations whole", () => {
    expect(quoteParts("version 3.5 of the U.S. standard")).toEqual([
      ["version", "3.5", "of", "the", "u", "s", "standard"],
    ]);
  });
});

describe("locateQuote with an ellipsis", () => {
  it("finds the parts in order, with words omitted between them", () => {
    const hit = locateQuote("validated by the NSA for CNSSI-4012 … and NSTISSI-4011", niccs);
    expect(hit).not.toBeNull();
    expect(hit?.excerpt).toMatch(/^validated by the NSA for CNSSI-4012 .* and NSTISSI-4011$/);
  });

  it("accepts an ellipsis that omits nothing", () => {
    expect(locateQuote("there are no … minimum requirements", blueprint)).not.toBeNull();
  });

  it("refuses the parts out of order", () => {
    expect(locateQuote("and NSTISSI-4011 … validated by the NSA", niccs)).toBeNull();
  });

  it("refuses a part that is not there, even when the others are", () => {
    expect(locateQuote("validated by the NSA for CNSSI-4012 … and NSTISSI-4012", niccs)).toBeNull();
    expect(locateQuote("validated by the NSA … approved by the NSA", niccs)).toBeNull();
  });

  it(`refuses parts more than ${MAX_ELLIPSIS_GAP} words apart`, () => {
    const near = prepareText([`the course is ${filler(MAX_ELLIPSIS_GAP)} fully accredited`]);
    const far = prepareText([`the course is ${filler(MAX_ELLIPSIS_GAP + 1)} fully accredited`]);
    expect(locateQuote("the course is … fully accredited", near)).not.toBeNull();
    expect(locateQuote("the course is … fully accredited", far)).toBeNull();
  });

  it("chooses the occurrence of a part that lets the next one follow closely", () => {
    const doc = prepareText([`alpha one ${filler(80)} alpha one ${filler(10)} omega two`]);
    expect(locateQuote("alpha one … omega two", doc)).not.toBeNull();
  });

  it("gives both pages when the parts are on consecutive pages", () => {
    const doc = prepareText(["the course is designed for", "managers and auditors alike"]);
    expect(locateQuote("the course is … auditors alike", doc)?.pages).toEqual([1, 2]);
  });

  it("refuses parts from two different documents", () => {
    const cissp = prepareText(fixturePages("cissp-outline"));
    const quote = "validated by the NSA … a minimum of five years";
    expect(locateQuote(quote, niccs)).toBeNull();
    expect(locateQuote(quote, cissp)).toBeNull();
  });

  it("still refuses a changed number inside one part", () => {
    expect(locateQuote("validated by the NSA for CNSSI-4011 … and NSTISSI-4011", niccs)).toBeNull();
  });

  it("refuses an ellipsis that stands for a negation: 'does … require' is not 'does not require'", () => {
    const doc = prepareText([
      "The course does not require prior certification. Candidates who don't pass may retake it.",
    ]);
    expect(locateQuote("The course does … require prior certification", doc)).toBeNull();
    expect(locateQuote("Candidates … pass may retake it", doc)).toBeNull();
    expect(locateQuote("The course does not … require prior certification", doc)).not.toBeNull();
  });

  it("allows an ellipsis that omits words other than a negation", () => {
    const doc = prepareText(["The course does in fact require prior certification."]);
    expect(locateQuote("The course does … require prior certification", doc)).not.toBeNull();
  });
});
