import { describe, expect, it } from "vitest";
import { classifyChange, isScratchFile } from "../../src/watch.js";

describe("what a changed file affects", () => {
  it("tells source Markdown, the registry, cited documents and templates apart", () => {
    expect(classifyChange("sources/cisso-vs-cissp.md")).toBe("source");
    expect(classifyChange("sources/sources.yaml")).toBe("registry");
    expect(classifyChange("sources/cited/cisso-exam-blueprint.pdf")).toBe("cited");
    expect(classifyChange("sources/cited/notes.md")).toBe("cited");
    expect(classifyChange("templates/theme/theme.css")).toBe("template");
  });

  it("ignores editors' scratch and temp files, never content", () => {
    for (const scratch of [
      "sources/.#cisso-vs-cissp.md",
      "sources/#cisso-vs-cissp.md#",
      "sources/cisso-vs-cissp.md~",
      "sources/.cisso-vs-cissp.md.swp",
      "templates/.brochure.hbs.swo",
      "sources/4913",
      "sources/cisso-vs-cissp.md.tmp-4242",
      "sources/.cisso-vs-cissp.md.4242.ab12cd.tmp",
      "templates/brochure.hbs___jb_tmp___",
    ])
      expect(isScratchFile(scratch), scratch).toBe(true);
    for (const content of [
      "sources/cisso-vs-cissp.md",
      "sources/sources.yaml",
      "sources/cited/cisso-exam-blueprint.pdf",
      "templates/theme/logo.svg",
      "templates/partials/claim.hbs",
    ])
      expect(isScratchFile(content), content).toBe(false);
  });
});
