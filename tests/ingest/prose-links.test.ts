// Only registry URLs (and a quote's own citation) are numbered sources; any other web link is a prose link, printed and checked.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkspace } from "../../src/ingest/workspace.js";
import { linkTargets } from "../../src/pipeline.js";

const REGISTRY = `- id: guide
  title: Guide
  url: https://one.example/guide.pdf
  file: cited/guide.pdf
`;
const FM = "---\ntitle: T\nproduct: P\n---\n## A\n\n";

async function load(body: string) {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-links-"));
  await mkdir(path.join(root, "sources"), { recursive: true });
  await writeFile(path.join(root, "sources/sources.yaml"), REGISTRY);
  await writeFile(path.join(root, "sources/doc.md"), FM + body);
  return (await loadWorkspace(root)).model.claims[0]!;
}

describe("prose links", () => {
  it("prints a bare URL and a [text](url) link that are not registered as links, never as citations", async () => {
    const claim = await load(
      "Our migration guide, at https://docs.example/migrate, walks you through it. See [the handbook](https://docs.example/admin).\n",
    );
    expect(claim.citations).toEqual([]);
    expect(claim.blocks[0]!.inlines).toEqual([
      { kind: "text", text: "Our migration guide, at " },
      { kind: "link", text: "https://docs.example/migrate", url: "https://docs.example/migrate" },
      { kind: "text", text: ", walks you through it. See " },
      { kind: "link", text: "the handbook", url: "https://docs.example/admin" },
      { kind: "text", text: "." },
    ]);
    expect(claim.links).toEqual([
      {
        url: "https://docs.example/migrate",
        text: "https://docs.example/migrate",
        position: { file: "sources/doc.md", line: 7, column: 25 },
      },
      {
        url: "https://docs.example/admin",
        text: "the handbook",
        position: { file: "sources/doc.md", line: 7, column: 81 },
      },
    ]);
  });

  it("keeps registry URLs numbered, renumbering them past the prose links taken out", async () => {
    const claim = await load(
      "See https://docs.example/a first. “one two three” [Guide](https://one.example/guide.pdf).\n",
    );
    expect(claim.citations.map((c) => [c.index, c.source])).toEqual([[0, "guide"]]);
    expect(claim.quotes[0]!.citation).toBe(0);
    expect(claim.blocks[0]!.inlines.filter((i) => i.kind === "cite")).toEqual([
      { kind: "cite", citation: 0, label: "Guide" },
    ]);
  });

  it("keeps an unregistered URL that a quote is attributed to as its citation (the quote then fails as source-missing)", async () => {
    const claim = await load("“one two three” [somewhere](https://unregistered.example/x).\n");
    expect(claim.citations.map((c) => [c.url, c.source])).toEqual([
      ["https://unregistered.example/x", null],
    ]);
    expect(claim.quotes[0]!.citation).toBe(0);
    expect(claim.links).toEqual([]);
  });

  it("keeps a footnote as a reference even when its URL is not registered", async () => {
    const claim = await load("Text.[^1]\n\n[^1]: [Vendor page](https://vendor.example/p)\n");
    expect(claim.citations.map((c) => [c.kind, c.source])).toEqual([["footnote", null]]);
  });

  it("has link checking cover prose links as well as citations", async () => {
    const claim = await load(
      "See https://docs.example/a and [Guide](https://one.example/guide.pdf).\n",
    );
    expect(linkTargets([claim]).map((t) => t.url)).toEqual([
      "https://one.example/guide.pdf",
      "https://docs.example/a",
    ]);
  });
});
