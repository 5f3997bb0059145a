import { describe, expect, it } from "vitest";
import {
  normalizeText,
  normalizeWithOffsets,
  tokenize,
  words,
} from "../../../src/verify/quote/index.js";

describe("normalizeText", () => {
  it("expands ligatures and other compatibility forms (NFKC)", () => {
    expect(normalizeText("ﬁnancial ﬂow ofﬁcer")).toBe("financial flow officer");
    expect(normalizeText("ＣＩＳＳＯ")).toBe("cisso");
  });

  it("makes curly and straight quote marks and apostrophes the same", () => {
    expect(normalizeText("“Mile2’s” ‘bridge’ „x‟ «y»")).toBe(`"mile2's" 'bridge' "x" "y"`);
    expect(normalizeText("it‛s itʼs it`s it´s")).toBe("it's it's it's it's");
  });

  it("keeps primes as units, apart from quote marks: 12′ is not 12″, nor 12", () => {
    expect(words("a 12′ cable")).toEqual(["a", "12", "′", "cable"]);
    expect(words("a 12″ cable")).toEqual(["a", "12", "″", "cable"]);
  });

  it("keeps circled and parenthesized digits apart from the number beside them", () => {
    expect(words("sold 4012① units")).toEqual(["sold", "4012", "^", "1", "units"]);
    expect(words("step ①②")).toEqual(["step", "^", "1", "^", "2"]);
  });

  it("keeps the numero sign a sign: № is not the word 'no'", () => {
    expect(words("there is № 5")).toEqual(["there", "is", "№", "5"]);
  });

  it("keeps a leading decimal point and its sign on the number: .5 is not 5", () => {
    expect(words("by .5 seconds, from $.99, gain of -.5 dB")).toEqual([
      "by",
      ".5",
      "seconds",
      "from",
      "$",
      ".99",
      "gain",
      "of",
      "-.5",
      "db",
    ]);
    expect(words("items...5 more")).toEqual(["items", "…", "5", "more"]);
  });

  it("marks units after a number in their case, and only there: 4 Mb is not 4 MB", () => {
    const units = (text: string) => tokenize(text).map((t) => t.unit);
    expect(units("4 Mb and 4 MB and 4TB, 5 mW, 4-Mb, 4–8 Gbps")).toEqual([
      null,
      "Mb",
      null,
      null,
      "MB",
      null,
      "4TB",
      null,
      "mW",
      "4-Mb",
      null,
      "Gbps",
    ]);
    // Not after punctuation, nor a long word: "Our" in "2010. Our" is no unit.
    expect(units("In 2010. Our team of 5 engineers")).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("keeps a hyphen that closes a word as a word of its own: A- is not A", () => {
    expect(words("rated A- by Gartner")).toEqual(["rated", "a", "-", "by", "gartner"]);
    expect(words("pre- and post-processing")).toEqual(["pre", "-", "and", "post-processing"]);
    expect(words("hyphen-\nated and a dash--here")).toEqual([
      "hyphen",
      "ated",
      "and",
      "a",
      "dash",
      "here",
    ]);
  });

  it("turns every hyphen and en dash into '-', and em dashes into punctuation between words", () => {
    expect(normalizeText("a‐b a‑b a‒b a–b a−b")).toBe("a-b a-b a-b a-b a-b");
    expect(words("CISSO—a path")).toEqual(["cisso", "a", "path"]);
    expect(words("CISSO ― a path")).toEqual(["cisso", "a", "path"]);
  });

  it("collapses white space, line breaks, no-break and thin spaces", () => {
    expect(normalizeText("  no\u00A0minimum\u2009\u202Frequirements\r\n\tneeded \u2028 to ")).toBe(
      "no minimum requirements needed to",
    );
  });

  it("removes zero-width characters and soft hyphens inside a line", () => {
    expect(normalizeText("secu\u00ADrity zero\u200Bwidth\uFEFF join\u2060er")).toBe(
      "security zerowidth joiner",
    );
  });

  it("removes direction marks and isolates, which some PDF producers put inside words", () => {
    expect(words("40\u200E12 CNSSI\u2066-4012\u2069")).toEqual(["4012", "cnssi-4012"]);
  });

  it("lower-cases", () => {
    expect(normalizeText("INFOSEC Professionals")).toBe("infosec professionals");
  });

  it("drops trademark signs, which change no meaning", () => {
    expect(words("Mile2® CISSO™")).toEqual(["mile2", "cisso"]);
  });

  it("keeps a superscript apart from its base, so 10² never reads 102", () => {
    expect(words("10²")).toEqual(["10", "^", "2"]);
    expect(words("10²")).not.toEqual(words("102"));
  });

  it("keeps a vulgar fraction apart from the number before it, so 3½ never reads 31/2", () => {
    expect(words("3½ hours")).toEqual(["3", "1/2", "hours"]);
  });

  it("records the original range of every normalized character", () => {
    const original = "“ﬁne”";
    const n = normalizeWithOffsets(original);
    expect(n.text).toBe('"fine"');
    expect(n.from).toEqual([0, 1, 1, 2, 3, 4]);
    expect(n.to).toEqual([1, 2, 2, 3, 4, 5]);
  });
});

describe("tokenize", () => {
  it("ignores punctuation around and between words", () => {
    expect(words("(CISSO).")).toEqual(["cisso"]);
    expect(words("managers, auditors, and INFOSEC professionals,")).toEqual([
      "managers",
      "auditors",
      "and",
      "infosec",
      "professionals",
    ]);
  });

  it("keeps a number with its separators as one word: 4,012 is not 4012", () => {
    expect(words("4,012 3.5 24/7 10:30")).toEqual(["4,012", "3.5", "24/7", "10:30"]);
    expect(words("4,012")).not.toEqual(words("4012"));
    expect(words("3.5")).not.toEqual(words("35"));
  });

  it("keeps hyphenated words whole: CNSSI-4012 is neither CNSSI-4011 nor 4012", () => {
    expect(words("CNSSI–4012")).toEqual(["cnssi-4012"]);
    expect(words("state-of-the-art")).toEqual(["state-of-the-art"]);
    expect(words("re-cover")).not.toEqual(words("recover"));
  });

  it("keeps apostrophes inside words", () => {
    expect(words("organization’s security")).toEqual(["organization's", "security"]);
    expect(words("organization’s")).not.toEqual(words("organizations"));
  });

  it("keeps the sign of a number", () => {
    expect(words("from -5 to +5")).toEqual(["from", "-5", "to", "+5"]);
    expect(words("-5")).not.toEqual(words("5"));
  });

  it("keeps symbols as words: 5% is not 5, $5 is not €5, + is not 'and'", () => {
    expect(words("70% of $5")).toEqual(["70", "%", "of", "$", "5"]);
    expect(words("€5")).not.toEqual(words("$5"));
    expect(words("technical + managerial")).toEqual(["technical", "+", "managerial"]);
  });

  it("marks a word that ends a line with a hyphen, and only there", () => {
    const tokens = tokenize("hyphen-\nated and state-of-\n  the-art, but not a -\nb or x-y");
    expect(tokens.filter((t) => t.hyphenBreak).map((t) => t.word)).toEqual(["hyphen", "state-of"]);
  });

  it("maps each word back to its original text", () => {
    const text = "The “CISSO” is ﬁne.";
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual([
      "The",
      "CISSO",
      "is",
      "ﬁne",
    ]);
  });
});
