// Slide points: a claim's sentences, shortened at clause boundaries, at most three.
import { describe, expect, it } from "vitest";
import { MAX_WORDS, sentences, shorten, slidePoints } from "../../src/render/deck-points.js";
import { fixtureModel } from "./fixture-model.js";

const words = (s: string) => s.split(/\s+/).length;

describe("sentences", () => {
  it("does not split after abbreviations such as e.g. or U.S.", () => {
    expect(sentences("A role (e.g. an officer) fits. The U.S. Federal rules apply. Done")).toEqual([
      "A role (e.g. an officer) fits.",
      "The U.S. Federal rules apply.",
      "Done",
    ]);
  });

  it("splits at a colon followed by a capital", () => {
    expect(sentences("It is a bridge: It helps people.")).toEqual([
      "It is a bridge:",
      "It helps people.",
    ]);
  });
});

describe("shorten", () => {
  it("keeps a short sentence as it is", () => {
    expect(
      shorten("The CISSO has no prerequisite work experience requirement for eligibility."),
    ).toBe("The CISSO has no prerequisite work experience requirement for eligibility.");
  });

  it("drops 'this means' filler and asides", () => {
    expect(
      shorten(
        "For organizations, this means that CISSO can serve as a clear indicator of competence for someone stepping into a security leadership role (e.g., Information Systems Security Officer), rather than merely being a purely technical practitioner.",
      ),
    ).toBe(
      "CISSO can serve as a clear indicator of competence for someone stepping into a security leadership role.",
    );
  });

  it("keeps the main clause after an introductory phrase", () => {
    expect(
      shorten(
        "For those serving in or supporting federal roles, or for institutions that value federal compliance frameworks, this alignment can make CISSO a pragmatic choice.",
      ),
    ).toBe("This alignment can make CISSO a pragmatic choice.");
  });

  it("falls back to a word cut with an ellipsis", () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const short = shorten(long);
    expect(short.endsWith("…")).toBe(true);
    expect(words(short)).toBeLessThanOrEqual(MAX_WORDS);
  });
});

describe("slidePoints", () => {
  it("gives every CISSO claim one to three short points, none repeating the slide's quote", async () => {
    const model = fixtureModel();
    for (const claim of model.claims) {
      const quoteText = (id: string) => claim.quotes.find((q) => q.id === id)?.text;
      const points = slidePoints(claim, quoteText);
      expect(points.length).toBeGreaterThan(0);
      expect(points.length).toBeLessThanOrEqual(3);
      for (const point of points) {
        expect(words(point)).toBeLessThanOrEqual(MAX_WORDS);
        for (const quote of claim.quotes) expect(point).not.toContain(quote.text.slice(0, 20));
      }
    }
  });

  it("includes the benefit when the claim has one", async () => {
    const model = fixtureModel();
    const claim = model.claims.find((c) => c.id === "accessible-entry-point")!;
    const points = slidePoints(claim, (id) => claim.quotes.find((q) => q.id === id)?.text);
    expect(points).toContain("A candidate can pursue CISSO earlier in their career.");
  });
});
