import { describe, expect, it } from "vitest";
import { PASSAGE_BREAK } from "../../../src/model/index.js";
import { locateQuote, prepareText } from "../../../src/verify/quote/index.js";
import { fixturePages } from "./helpers.js";

const blueprint = prepareText(fixturePages("cisso-blueprint"));
const niccs = prepareText(fixturePages("niccs-cisso"));
const cissp = prepareText(fixturePages("cissp-outline"));

const found = (quote: string, doc = blueprint) => locateQuote(quote, doc) !== null;

describe("locateQuote: what it finds", () => {
  it("finds a quote word for word, with the page it is on", () => {
    const hit = locateQuote("managers, auditors, and INFOSEC professionals", blueprint);
    expect(hit).toMatchObject({
      pages: [1],
      excerpt: "managers, auditors, and INFOSEC professionals",
    });
    // The lock's anchor: a few of the document's words either side.
    expect(hit?.prefix.split(" ").length).toBeLessThanOrEqual(6);
    expect(hit?.prefix.length).toBeGreaterThan(0);
  });

  it("finds a sentence that runs from one page to the next, giving both pages", () => {
    const hit = locateQuote(
      "delivered online through the Mile2 assessment platform or in a proctored session",
      blueprint,
    );
    expect(hit?.pages).toEqual([1, 2]);
    expect(hit?.excerpt).toBe(
      "delivered online through the Mile2 assessment platform or in a proctored session",
    );
  });

  it("ignores trailing punctuation inside the quote marks", () => {
    expect(found("managers, auditors, and INFOSEC professionals,")).toBe(true);
    expect(
      found("needed to become a Certified Information Systems Security Officer (CISSO)."),
    ).toBe(true);
  });

  it("ignores case", () => {
    expect(found("THERE ARE NO MINIMUM REQUIREMENTS")).toBe(true);
  });

  it("matches curly and straight apostrophes and quote marks either way", () => {
    expect(found("lead, audit or oversee an organization’s security function")).toBe(true);
    const curly = prepareText(["Mile2’s course is “self-paced” training."]);
    expect(found(`Mile2's course is "self-paced" training`, curly)).toBe(true);
    expect(found("Mile2’s course is ‘self-paced’ training", curly)).toBe(true);
  });

  it("matches a ligature in the document against plain letters, and the other way round", () => {
    const doc = prepareText(["Certiﬁed ofﬁcers ﬁnd the ﬂow efﬁcient."]);
    expect(found("Certified officers find the flow efficient", doc)).toBe(true);
    expect(found("Certiﬁed officers", prepareText(["Certified officers"]))).toBe(true);
  });

  it("matches any hyphen or en dash against '-'", () => {
    const doc = prepareText(["validated for CNSSI‑4012 and NSTISSI–4011 in 2019‒2020"]);
    expect(found("validated for CNSSI-4012 and NSTISSI-4011 in 2019-2020", doc)).toBe(true);
    expect(found("CNSSI—4012", doc)).toBe(false);
  });

  it("matches an em dash whether or not it has spaces around it", () => {
    const doc = prepareText(["The landscape has evolved—and so has leadership training."]);
    expect(found("has evolved — and so has leadership training", doc)).toBe(true);
    expect(found("has evolved -- and so", doc)).toBe(true);
  });

  it("matches across line breaks, tabs and no-break spaces", () => {
    const doc = prepareText(["no\u00A0minimum\n\n  requirements\tneeded\r\nto become"]);
    expect(found("no minimum requirements needed to become", doc)).toBe(true);
  });

  it("matches a word broken by a line-end hyphen against the whole word", () => {
    expect(found("who lead, audit or oversee an organization's security")).toBe(true);
    expect(found("It covers risk management, security governance")).toBe(true);
  });

  it("keeps a real hyphen that falls at a line end", () => {
    expect(found("the state-of-the-art controls a security officer is expected to run")).toBe(true);
  });

  it("accepts either reading of a line-end hyphen, and nothing else there", () => {
    const doc = prepareText(["we re-\ncover data"]);
    expect(found("we recover data", doc)).toBe(true);
    expect(found("we re-cover data", doc)).toBe(true);
    expect(found("we re cover data", doc)).toBe(false);
  });

  it("never reads the halves of a line-end-hyphenated word as two words: 'in-\nsecure' is not 'in secure'", () => {
    const doc = prepareText(["the systems are in-\nsecure hands down"]);
    expect(found("the systems are insecure", doc)).toBe(true);
    expect(found("the systems are in secure hands", doc)).toBe(false);
  });

  it("refuses half of a line-end-hyphenated word: 'not-\nable' is not 'not', 'in-\nsecure' not 'secure'", () => {
    const doc = prepareText(["the result is not-\nable, and systems are in-\nsecure by default"]);
    expect(found("the result is notable", doc)).toBe(true);
    expect(found("the result is not", doc)).toBe(false);
    expect(found("secure by default", doc)).toBe(false);
    expect(found("insecure by default", doc)).toBe(true);
  });

  it("keeps a line-end hyphen that touches a digit: '10-\n12' never reads '1012'", () => {
    const doc = prepareText(["valid for 10-\n12 months under CNSSI-\n4012"]);
    expect(found("valid for 10-12 months under CNSSI-4012", doc)).toBe(true);
    expect(found("valid for 1012 months", doc)).toBe(false);
    expect(found("under CNSSI4012", doc)).toBe(false);
  });

  it("rejoins a word broken twice at line ends", () => {
    const doc = prepareText(["an in-\ncompre-\nhensible outline"]);
    expect(found("an incomprehensible outline", doc)).toBe(true);
  });

  it("joins a hyphenated word broken across a page break", () => {
    const doc = prepareText(["the informa-", "tion security office"], {
      asides: [
        { page: 1, text: "Footer 1" },
        { page: 2, text: "Header" },
      ],
    });
    expect(locateQuote("the information security office", doc)?.pages).toEqual([1, 2]);
  });

  it("reads across the running headers and footers that ingest set apart, and never into them", () => {
    const pages = ["first page ends in the", "middle of a sentence that", "goes on here"];
    const asides = [1, 2, 3].flatMap((n) => [
      { page: n, text: `CISSO Blueprint | ${n}` },
      { page: n, text: `Page ${n} of 3` },
    ]);
    const doc = prepareText(pages, { asides });
    expect(locateQuote("ends in the middle of a sentence", doc)?.pages).toEqual([1, 2]);
    expect(locateQuote("sentence that goes on here", doc)?.pages).toEqual([2, 3]);
    expect(locateQuote("ends in the Page 1 of 3 CISSO Blueprint 2 middle", doc)).toBeNull();
    expect(locateQuote("Page 2 of 3", doc)?.pages).toEqual([2]);
  });

  it("never runs a quote across a passage break, not even with an ellipsis", () => {
    const doc = prepareText([
      `The exam requires\n${PASSAGE_BREAK}\nno experience at all.\nIt is taken online.`,
    ]);
    expect(locateQuote("The exam requires no experience", doc)).toBeNull();
    expect(locateQuote("The exam requires … experience at all", doc)).toBeNull();
    expect(locateQuote("no experience at all. It is taken online", doc)?.pages).toEqual([1]);
  });

  it("reads no line-end hyphen across a passage break", () => {
    const doc = prepareText([`an infor-\n${PASSAGE_BREAK}\nmation desk`]);
    expect(locateQuote("information", doc)).toBeNull();
    expect(locateQuote("mation desk", doc)).not.toBeNull();
  });

  it("gives the document's own text as the excerpt", () => {
    const hit = locateQuote("an organization's security function", blueprint);
    expect(hit?.excerpt).toBe("an organization's security function");
    expect(locateQuote("security governance", blueprint)?.excerpt).toBe("secu- rity governance");
  });
});

describe("locateQuote: traps it refuses", () => {
  it("refuses a quote whose number changed", () => {
    expect(found("The exam has 100 multiple-choice questions")).toBe(true);
    expect(found("The exam has 150 multiple-choice questions")).toBe(false);
    expect(found("after 5 days")).toBe(false);
    expect(found("a wait of 14 days")).toBe(true);
    expect(found("a wait of 4 days")).toBe(false);
    expect(found("a wait of 140 days")).toBe(false);
  });

  it("refuses 4013 for 4012, and 4012 for 4,012", () => {
    expect(found("More than 4,012 professionals")).toBe(true);
    expect(found("More than 4,013 professionals")).toBe(false);
    expect(found("More than 4012 professionals")).toBe(false);
    expect(found("More than 4.012 professionals")).toBe(false);
    expect(found("More than 4 professionals")).toBe(false);
  });

  it("refuses CNSSI-4011 for CNSSI-4012, and a bare 4012", () => {
    expect(found("validated by the NSA for CNSSI-4012", niccs)).toBe(true);
    expect(found("validated by the NSA for CNSSI-4011", niccs)).toBe(false);
    expect(found("validated by the NSA for 4012", niccs)).toBe(false);
    expect(found("validated by the NSA for CNSSI", niccs)).toBe(false);
  });

  it("refuses a changed percentage or a dropped percent sign", () => {
    expect(found("A score of 70% is required to pass")).toBe(true);
    expect(found("A score of 75% is required to pass")).toBe(false);
    expect(found("A score of 70 is required to pass")).toBe(false);
  });

  it("refuses a number word changed: five → four", () => {
    expect(found("a minimum of five years cumulative", cissp)).toBe(true);
    expect(found("a minimum of four years cumulative", cissp)).toBe(false);
    expect(found("a minimum of 5 years cumulative", cissp)).toBe(false);
  });

  it("refuses a changed word: managers → leaders", () => {
    expect(found("designed for leaders, auditors, and INFOSEC professionals")).toBe(false);
  });

  it("refuses a quote with 'no' dropped", () => {
    expect(found("There are no minimum requirements")).toBe(true);
    expect(found("There are minimum requirements")).toBe(false);
  });

  it("refuses a quote with 'not' inserted", () => {
    expect(found("The course does require prior certification")).toBe(false);
    expect(found("The course does not require prior certification")).toBe(true);
    expect(found("There are not no minimum requirements")).toBe(false);
  });

  it("refuses a symbol replaced by a word: '+' is not 'and'", () => {
    const doc = prepareText(["a broad spectrum of technical + managerial domains"]);
    expect(found("technical + managerial domains", doc)).toBe(true);
    expect(found("technical and managerial domains", doc)).toBe(false);
    expect(found("technical managerial domains", doc)).toBe(false);
  });

  it("refuses an extra word", () => {
    expect(found("There are absolutely no minimum requirements")).toBe(false);
  });

  it("refuses a missing word", () => {
    expect(found("managers, auditors, INFOSEC professionals")).toBe(false);
  });

  it("refuses words in a different order", () => {
    expect(found("auditors, managers, and INFOSEC professionals")).toBe(false);
  });

  it("refuses a word prefix: 'secure' is not 'security'", () => {
    expect(found("an organization's secure function")).toBe(false);
    expect(found("an organization's securityfunction")).toBe(false);
  });

  it("refuses 're-cover' for 'recover' and 'recover' for 're-cover' away from a line end", () => {
    expect(found("Students recover quickly")).toBe(true);
    expect(found("Students re-cover quickly")).toBe(false);
    const doc = prepareText(["we re-cover the chairs"]);
    expect(found("we recover the chairs", doc)).toBe(false);
  });

  it("refuses a hyphenated word split into two, or two words hyphenated, away from a line end", () => {
    expect(found("state of the art", prepareText(["state-of-the-art controls"]))).toBe(false);
    expect(found("self-paced labs", prepareText(["self paced labs"]))).toBe(false);
  });

  it("refuses an empty quote or one of punctuation only", () => {
    expect(locateQuote("", blueprint)).toBeNull();
    expect(locateQuote(" … , — ", blueprint)).toBeNull();
  });

  it("refuses a quote that runs past the end of the document", () => {
    expect(found("thanks to the self-paced labs and more")).toBe(false);
  });

  it("joins words only at a line-end hyphen, never where the document has a space", () => {
    expect(found("the state-ofthe-art")).toBe(true);
    expect(found("over- see", prepareText(["oversee"]))).toBe(false);
  });
});
