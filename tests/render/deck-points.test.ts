// Slide points: what the author marked, else the claim's list, else whole sentences chosen from its prose.
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../src/ingest/markdown/source-document.js";
import {
  MAX_WORDS,
  sentences,
  shorten,
  slideList,
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

describe("slideList (generated Markdown)", () => {
  const claimOf = (md: string) => {
    const claim = parseSourceDocument("x.md", `## A claim\n\n${md}\n`).claims[0]!;
    return slideList(claim, (id) => claim.quotes.find((q) => q.id === id)?.text);
  };

  it("tidies list items used as points: capital, no trailing ; or and, a full stop in a list of sentences", () => {
    expect(
      claimOf(
        "- unmatched items surface early;\n- the close begins with a short list; and\n- reviewers see the same balances.",
      ).points,
    ).toEqual([
      "Unmatched items surface early.",
      "The close begins with a short list.",
      "Reviewers see the same balances.",
    ]);
    // A list of bare phrases stays bare; a word such as iPhone keeps its case.
    expect(claimOf("- iPhone and iPad\n- rugged handhelds").points).toEqual([
      "iPhone and iPad",
      "Rugged handhelds",
    ]);
  });

  it("takes a nested list's top-level items, keeps an ordered list's numbers, and marks code spans", () => {
    const list = claimOf(
      "3. Sign in with your account:\n   - phones,\n   - radios.\n4. Run `atlas sync --all` once.",
    );
    expect(list).toEqual({
      points: ["Sign in with your account.", "Run `atlas sync --all` once."],
      start: 3,
    });
  });

  it("adds the benefit after a short bullet list, never after numbered steps", () => {
    expect(
      claimOf("- Offline edits.\n- Merged later.\n\n**Benefit:** Crews never wait.").points,
    ).toEqual(["Offline edits.", "Merged later.", "Crews never wait."]);
    expect(claimOf("1. Install.\n2. Sign in.\n\n**Benefit:** Crews never wait.").points).toEqual([
      "Install.",
      "Sign in.",
    ]);
  });

  it("never opens a point with a pronoun whose sentence is not shown: its sentence first, or skipped", () => {
    const { points } = claimOf(
      "Given our audience, CISSO can act as a bridge: It helps professionals lead sooner. This makes CISSO useful for talent programs and many other things that take a long sentence to say.",
    );
    expect(points[0]).toBe("Given our audience, CISSO can act as a bridge.");
    expect(points[1]).toBe("It helps professionals lead sooner.");
    const skipped = claimOf(
      "The guide is clear “it merges edits” [Guide](https://example.com/g.pdf). It works offline. Crews sync later.",
    ).points;
    expect(skipped).toEqual(["Crews sync later."]);
  });

  it("never leaves one lonely point when the body has another sentence to give", () => {
    // 25 and 26 words: together past the word budget, each a whole sentence a slide may show.
    const long = (w: string, n: number) => Array.from({ length: n }, () => w).join(" ");
    const { points } = claimOf(`${long("Alpha", 25)}. ${long("Beta", 26)}.`);
    expect(points).toHaveLength(2);
  });
});
