import { describe, expect, it } from "vitest";
import type { CitedText } from "../../../src/model/index.js";
import { QuoteResultSchema } from "../../../src/model/index.js";
import {
  type PreparedText,
  verifyContext,
  verifyQuote,
  verifyQuotes,
} from "../../../src/verify/quote/index.js";
import { claimOf, fixtureTexts, type QuoteSpec, readable } from "./helpers.js";

const verifyOne = (spec: QuoteSpec, texts: Map<string, CitedText> = fixtureTexts()) => {
  const [result] = verifyQuotes([claimOf("claim", [spec])], texts);
  return result!;
};

describe("verifyQuotes", () => {
  it("verifies a quote that is in the cited PDF, with its page", () => {
    const result = verifyOne({
      text: "there are no minimum requirements needed to become a Certified Information Systems Security Officer (CISSO).",
      cite: "cisso-blueprint",
    });
    expect(result).toMatchObject({
      id: "claim/q1",
      claim: "claim",
      status: "verified",
      cited: "cisso-blueprint",
      citedUrl: expect.stringContaining("mile2.com"),
      pages: [1],
      foundIn: "cisso-blueprint",
      reason: "",
      closest: null,
      position: { file: "sources/test.md", line: 1, column: 5 },
    });
    expect(QuoteResultSchema.parse(result)).toEqual(result);
  });

  it("verifies a quote in an HTML page with no pages", () => {
    const result = verifyOne({
      text: "validated by the NSA for CNSSI-4012 … and NSTISSI-4011",
      cite: "niccs-cisso",
    });
    expect(result).toMatchObject({ status: "verified", pages: [], foundIn: "niccs-cisso" });
  });

  it("gives two pages for a quote across a page break", () => {
    const result = verifyOne({
      text: "delivered online through the Mile2 assessment platform",
      cite: "cisso-blueprint",
    });
    expect(result).toMatchObject({ status: "verified", pages: [1, 2] });
  });

  it("reports not-found with the closest passage when a number changed", () => {
    const result = verifyOne({
      text: "The exam has 150 multiple-choice questions",
      cite: "cisso-blueprint",
    });
    expect(result.status).toBe("not-found");
    expect(result.foundIn).toBeNull();
    expect(result.pages).toEqual([]);
    expect(result.closest?.page).toBe(2);
    expect(result.closest?.text).toContain("The exam has 100 multiple-choice questions");
    expect(result.reason).toMatch(
      /^not in cisso-blueprint; the closest passage on p\. 2 reads: “.*100.*”$/,
    );
  });

  it("reports not-found, without a page, for a changed quote from an HTML page", () => {
    const result = verifyOne({ text: "validated by the NSA for CNSSI-4011", cite: "niccs-cisso" });
    expect(result.status).toBe("not-found");
    expect(result.closest?.page).toBeNull();
    expect(result.reason).toMatch(/^not in niccs-cisso; the closest passage reads: /);
  });

  it("reports misattributed when the quote is in another registered document", () => {
    const result = verifyOne({
      text: "a minimum of five years cumulative, full-time work experience",
      cite: "cisso-blueprint",
    });
    expect(result).toMatchObject({ status: "misattributed", foundIn: "cissp-outline", pages: [1] });
    expect(result.reason).toBe(
      "not in cisso-blueprint, but found in cissp-outline (p. 1): cite that document instead",
    );
  });

  it("reports not-found for a quote whose halves are in two different documents", () => {
    const result = verifyOne({
      text: "validated by the NSA … a minimum of five years cumulative",
      cite: "niccs-cisso",
    });
    expect(result.status).toBe("not-found");
    expect(result.foundIn).toBeNull();
  });

  it("reports not-found for a quote that runs from the end of one document into the start of another", () => {
    const result = verifyOne({
      text: "available as self-paced training. CISSO Exam Blueprint Outline",
      cite: "niccs-cisso",
    });
    expect(result).toMatchObject({ status: "not-found", foundIn: null });
  });

  it("reports uncited, naming the document that holds the quote", () => {
    const result = verifyOne({
      text: "managers, auditors, and INFOSEC professionals",
      uncited: true,
    });
    expect(result).toMatchObject({
      status: "uncited",
      cited: null,
      citedUrl: null,
      foundIn: "cisso-blueprint",
      pages: [1],
    });
    expect(result.reason).toContain("no citation");
  });

  it("reports uncited with no document when no registered one holds it", () => {
    const result = verifyOne({ text: "the best certification in the world", uncited: true });
    expect(result).toMatchObject({ status: "uncited", foundIn: null, pages: [] });
  });

  it("reports source-missing for a URL that is not in the registry", () => {
    const result = verifyOne({
      text: "there are no minimum requirements",
      url: "https://example.com/other.pdf",
    });
    expect(result).toMatchObject({
      status: "source-missing",
      cited: null,
      citedUrl: "https://example.com/other.pdf",
    });
    expect(result.reason).toBe(
      "the cited URL https://example.com/other.pdf has no entry in sources/sources.yaml",
    );
  });

  it("reports source-missing when the registered local copy does not exist", () => {
    const texts = fixtureTexts();
    texts.set("cisso-blueprint", {
      readable: false,
      source: "cisso-blueprint",
      kind: "missing",
      reason: "the local copy sources/cited/cisso-exam-blueprint.pdf does not exist",
      hash: null,
    });
    const result = verifyOne(
      { text: "there are no minimum requirements", cite: "cisso-blueprint" },
      texts,
    );
    expect(result.status).toBe("source-missing");
    expect(result.reason).toContain("sources/cited/cisso-exam-blueprint.pdf does not exist");
  });

  it("reports source-missing when a registered document has no text at all", () => {
    const texts = fixtureTexts();
    texts.delete("cisso-blueprint");
    const result = verifyOne(
      { text: "there are no minimum requirements", cite: "cisso-blueprint" },
      texts,
    );
    expect(result).toMatchObject({ status: "source-missing", cited: "cisso-blueprint" });
  });

  it("reports source-unreadable with the reason ingest gave", () => {
    const texts = fixtureTexts();
    texts.set("cisso-blueprint", {
      readable: false,
      source: "cisso-blueprint",
      kind: "pdf",
      reason: "the PDF is encrypted with a password",
      hash: "abc",
    });
    const result = verifyOne(
      { text: "there are no minimum requirements", cite: "cisso-blueprint" },
      texts,
    );
    expect(result).toMatchObject({ status: "source-unreadable", pages: [], foundIn: null });
    expect(result.reason).toBe(
      "cisso-blueprint cannot be read: the PDF is encrypted with a password",
    );
  });

  it("never reports a quote from an unreadable document as verified elsewhere", () => {
    const texts = fixtureTexts();
    texts.set("cissp-outline", {
      readable: false,
      source: "cissp-outline",
      kind: "pdf",
      reason: "the PDF is damaged or truncated",
      hash: "abc",
    });
    const result = verifyOne(
      { text: "a minimum of five years cumulative", cite: "cisso-blueprint" },
      texts,
    );
    expect(result.status).toBe("not-found");
  });

  it("classifies every quote of every claim, in order, preparing each document once", () => {
    const claims = [
      claimOf("one", [
        { text: "There are no minimum requirements", cite: "cisso-blueprint" },
        { text: "There are minimum requirements", cite: "cisso-blueprint" },
      ]),
      claimOf("two", [{ text: "INFOSEC professionals who lead", uncited: true }]),
    ];
    const results = verifyQuotes(claims, fixtureTexts());
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ["one/q1", "verified"],
      ["one/q2", "not-found"],
      ["two/q1", "uncited"],
    ]);
    for (const result of results) expect(() => QuoteResultSchema.parse(result)).not.toThrow();
  });

  it("prepares a document only when a quote needs it", () => {
    const texts = fixtureTexts();
    texts.set("never-read", {
      readable: true,
      source: "never-read",
      kind: "pdf",
      hash: "x",
      get pages(): string[] {
        throw new Error("prepared a document no quote needed");
      },
    });
    const claim = claimOf("c", [
      { text: "There are no minimum requirements", cite: "cisso-blueprint" },
    ]);
    expect(verifyQuotes([claim], texts)[0]?.status).toBe("verified");
  });

  it("verifies against the cited document only, even when a registered one also has it", () => {
    const texts = new Map<string, CitedText>([
      ["a", readable("a", ["the course is self-paced"])],
      ["b", readable("b", ["the course is self-paced"])],
    ]);
    expect(verifyOne({ text: "the course is self-paced", cite: "b" }, texts)).toMatchObject({
      status: "verified",
      foundIn: "b",
    });
  });
});

describe("verifyQuote", () => {
  const claim = claimOf("entry", [
    { text: "There are no minimum requirements", cite: "cisso-blueprint" },
    { text: "INFOSEC professionals who lead", uncited: true },
  ]);
  const [cited, uncited] = claim.quotes;

  it("verifies one quote against the citation it is given", () => {
    const result = verifyQuote(
      { quote: cited!, citation: claim.citations[0]! },
      verifyContext(fixtureTexts()),
    );
    expect(result).toMatchObject({ id: "entry/q1", status: "verified", pages: [1] });
  });

  it("takes a null citation for an uncited quote", () => {
    const result = verifyQuote({ quote: uncited!, citation: null }, verifyContext(fixtureTexts()));
    expect(result).toMatchObject({ status: "uncited", foundIn: "cisso-blueprint", cited: null });
  });

  it("prepares each document once per context, into the cache it is given", () => {
    const prepared = new Map<string, PreparedText>();
    const context = verifyContext(fixtureTexts(), prepared);
    verifyQuote({ quote: cited!, citation: claim.citations[0]! }, context);
    expect([...prepared.keys()]).toEqual(["cisso-blueprint"]);
    const first = prepared.get("cisso-blueprint");
    verifyQuote(
      { quote: { ...cited!, text: "managers, auditors" }, citation: claim.citations[0]! },
      context,
    );
    expect(prepared.get("cisso-blueprint")).toBe(first);
  });

  it("reports source-missing for a citation index that points nowhere", () => {
    const broken = { ...claim, quotes: [{ ...cited!, citation: 7 }] };
    const [result] = verifyQuotes([broken], fixtureTexts());
    expect(result).toMatchObject({ status: "source-missing", cited: null });
    expect(result?.reason).toBe("citation 7 of claim entry does not exist");
  });
});
