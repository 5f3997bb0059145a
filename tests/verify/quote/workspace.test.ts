import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkspace } from "../../../src/ingest/workspace.js";
import { verifyQuotes } from "../../../src/verify/quote/index.js";
import { fixtureTexts } from "./helpers.js";

const REPO = path.resolve(import.meta.dirname, "../../..");

describe("the CISSO sources against the fixture documents", () => {
  it("verifies the quotes of sources/cisso-vs-cissp.md, each in the document it cites", async () => {
    const { model } = await loadWorkspace(REPO);
    const results = verifyQuotes(model.claims, fixtureTexts());
    expect(results.map((r) => [r.claim, r.status, r.cited, r.pages])).toEqual(
      expect.arrayContaining([
        ["accessible-entry-point", "verified", "cisso-blueprint", [1]],
        [
          "focused-role-based-content-aligned-to-managementauditing",
          "verified",
          "cisso-blueprint",
          [1],
        ],
        [
          "alignment-with-us-federal-standards--recognized-accreditation",
          "verified",
          "niccs-cisso",
          [],
        ],
      ]),
    );
  });
});
