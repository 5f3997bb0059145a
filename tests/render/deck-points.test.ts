// Slide points: what the author marked, else the claim's list, else whole sentences chosen from its prose.
import { describe, expect, it } from "vitest";
import {
  MAX_WORDS,
  sentences,
  shorten,
  slidePoints,
  WORD_BUDGET,
} from "../../src/render/deck-points.js";
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

  it("drops 'this means' filler and asides, and keeps the rest of the sentence whole", () => {
    expect(
      shorten(
        "For organizations, this means that CISSO can serve as a clear indicator of competence for someone stepping into a security leadership role (e.g., Information Systems Security Officer), rather than merely being a purely technical practitioner.",
      ),
    ).toBe(
      "CISSO can serve as a clear indicator of competence for someone stepping into a security leadership role, rather than merely being a purely technical practitioner.",
    );
  });

  it("never cuts a sentence short: one still too long is left for the notes", () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    expect(shorten(long)).toBeNull();
    expect(
      shorten(
        "For teams that run large fleets across several regions, with strict audit needs and many tenants, operators typically keep the same retention.",
        12,
      ),
    ).toBeNull();
  });
});

describe("slidePoints", () => {
  it("gives every CISSO claim one to three whole sentences, none repeating the slide's quote", () => {
    const model = fixtureModel();
    for (const claim of model.claims) {
      const quoteText = (id: string) => claim.quotes.find((q) => q.id === id)?.text;
      const points = slidePoints(claim, quoteText);
      expect(points.length).toBeGreaterThan(0);
      expect(points.length).toBeLessThanOrEqual(3);
      const total = points.reduce((n, p) => n + words(p), 0);
      expect(points.length === 1 || total <= WORD_BUDGET).toBe(true);
      for (const point of points) {
        expect(words(point)).toBeLessThanOrEqual(MAX_WORDS);
        expect(point).not.toMatch(/…$/);
        for (const quote of claim.quotes) expect(point).not.toContain(quote.text.slice(0, 20));
      }
    }
  });

  it("never shows a ### subheading as a point", () => {
    const model = fixtureModel();
    for (const claim of model.claims) {
      const headings = claim.blocks.filter((b) => b.kind === "heading");
      const points = slidePoints(claim, (id) => claim.quotes.find((q) => q.id === id)?.text);
      for (const heading of headings) {
        const text = heading.inlines.map((i) => (i.kind === "text" ? i.text : "")).join("");
        expect(points.join(" ")).not.toContain(text.trim());
      }
    }
  });
});
