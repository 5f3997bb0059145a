import { describe, expect, it } from "vitest";
import { classifyChange } from "../../src/watch.js";

describe("what a changed file affects", () => {
  it("tells source Markdown, the registry, cited documents and templates apart", () => {
    expect(classifyChange("sources/cisso-vs-cissp.md")).toBe("source");
    expect(classifyChange("sources/sources.yaml")).toBe("registry");
    expect(classifyChange("sources/cited/cisso-exam-blueprint.pdf")).toBe("cited");
    expect(classifyChange("sources/cited/notes.md")).toBe("cited");
    expect(classifyChange("templates/theme/theme.css")).toBe("template");
  });
});
