import { describe, expect, it } from "vitest";
import { closestPassage, locateQuote, prepareText } from "../../../src/verify/quote/index.js";
import { fixturePages } from "./helpers.js";

const blueprint = prepareText(fixturePages("cisso-blueprint"));
const cissp = prepareText(fixturePages("cissp-outline"));

describe("closestPassage", () => {
  it("shows what the document really says where a quote changed a word", () => {
    const passage = closestPassage(
      "designed for leaders, auditors, and INFOSEC professionals",
      blueprint,
    );
    expect(passage?.page).toBe(1);
    expect(passage?.text).toContain("managers, auditors, and INFOSEC professionals");
  });

  it("shows the real number where a quote changed it", () => {
    const passage = closestPassage(
      "a minimum of four years cumulative, full-time work experience",
      cissp,
    );
    expect(passage?.text).toContain("a minimum of five years cumulative, full-time work");
    expect(passage?.page).toBe(1);
  });

  it("finds the passage on a later page", () => {
    expect(closestPassage("A score of 75% is required to pass", blueprint)?.page).toBe(2);
  });

  it("keeps the passage about as long as the quote", () => {
    const quote = "The exam has 150 multiple-choice questions and lasts 2 hours";
    const passage = closestPassage(quote, blueprint);
    const words = (s: string) => s.split(/\s+/).length;
    expect(words(passage!.text)).toBeLessThanOrEqual(words(quote) + 8);
    expect(words(passage!.text)).toBeGreaterThanOrEqual(words(quote) - 2);
  });

  it("returns nothing when no passage shares more than one word", () => {
    expect(closestPassage("quantum blockchain synergy", blueprint)).toBeNull();
    expect(closestPassage("", blueprint)).toBeNull();
  });

  it("never makes a changed quote locatable", () => {
    const quote = "There are no maximum requirements needed";
    expect(closestPassage(quote, blueprint)).not.toBeNull();
    expect(locateQuote(quote, blueprint)).toBeNull();
  });
});
