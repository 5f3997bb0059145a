// Only the documents a citation names are read; the rest of the registry only when a quote needs them.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Pipeline } from "../../../src/pipeline.js";
import { copyWorkspace } from "../../helpers/workspace.js";
import { makePdf } from "../../ingest/cited/pdf-fixture.js";

const MD = "sources/cisso-vs-cissp.md";

/** The CISSO workspace with two more registered documents that nothing cites. */
async function workspaceWithUncited(): Promise<string> {
  const root = await copyWorkspace();
  const registry = path.join(root, "sources/sources.yaml");
  await writeFile(
    path.join(root, "sources/cited/extra-1.pdf"),
    await makePdf(["Field notes. The extra document says the sky over Chelsea is green."]),
  );
  await writeFile(path.join(root, "sources/cited/extra-2.pdf"), await makePdf(["Nothing here."]));
  const extra = [1, 2]
    .map(
      (n) =>
        `- id: extra-${n}\n  title: Extra ${n}\n  url: https://example.com/extra-${n}.pdf\n  file: cited/extra-${n}.pdf\n`,
    )
    .join("");
  await writeFile(registry, `${await readFile(registry, "utf8")}\n${extra}`);
  return root;
}

describe("reading only what is cited", () => {
  it("parses no registered document that no citation names while every quote verifies", async () => {
    const root = await workspaceWithUncited();
    const pipeline = new Pipeline(root, { persistentCache: false });
    const verified = await pipeline.verify();
    expect(verified.model.report.quotes.every((q) => q.status === "verified")).toBe(true);
    expect(pipeline.cited.lastParsedFiles.sort()).not.toContain("cited/extra-1.pdf");
    expect(pipeline.cited.lastParsedFiles).not.toContain("cited/extra-2.pdf");
    await pipeline.close();
  });

  it("reads the rest when a quote is not found, to tell which document holds it", async () => {
    const root = await workspaceWithUncited();
    const md = path.join(root, MD);
    const text = await readFile(md, "utf8");
    // A sentence only an uncited document holds, cited to the CISSO blueprint.
    const words = "the sky over Chelsea is green";
    await writeFile(
      md,
      text.replace(
        "## Accessible Entry Point",
        `## Accessible Entry Point\n\nIt says “${words}” [Mile2][cisso-blueprint].\n`,
      ),
    );
    const pipeline = new Pipeline(root, { persistentCache: false });
    const verified = await pipeline.verify();
    const quote = verified.model.report.quotes.find((q) => q.text === words);
    expect(quote?.status).toBe("misattributed");
    expect(quote?.foundIn).toBe("extra-1");
    expect(pipeline.cited.lastParsedFiles).toContain("cited/extra-1.pdf");
    await pipeline.close();
  });
});
