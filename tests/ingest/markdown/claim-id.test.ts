// `## Heading {#id}` pins a claim's id; the attribute block is never printed; bad and repeated ids are errors with positions.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../../src/ingest/markdown/source-document.js";
import { loadWorkspace } from "../../../src/ingest/workspace.js";

const FM = "---\ntitle: T\nproduct: P\n---\n";
const parse = (body: string) => parseSourceDocument("sources/doc.md", FM + body);

const failure = (body: string) => {
  try {
    parse(body);
  } catch (e) {
    return String(e);
  }
  throw new Error("expected the parse to fail");
};

async function workspace(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-id-"));
  await mkdir(path.join(root, "sources"), { recursive: true });
  await writeFile(path.join(root, "sources/sources.yaml"), "");
  for (const [name, text] of Object.entries(files))
    await writeFile(path.join(root, "sources", name), text);
  return root;
}

const loadError = async (root: string) =>
  loadWorkspace(root).then(
    () => "loaded",
    (e) => String(e),
  );

describe("explicit claim ids", () => {
  it("pins the id and leaves the attribute block out of the title", () => {
    const doc = parse("## Fast Setup, Really {#setup}\n\nText.\n\n## No Id Here\n\nMore.\n");
    expect(doc.claims.map((c) => [c.id, c.title])).toEqual([
      ["setup", "Fast Setup, Really"],
      ["no-id-here", "No Id Here"],
    ]);
  });

  it("reads the id after emphasis and a trailing colon, and strips {#…} from ### subheads", () => {
    const doc = parse("## *Quick* start: {#quick}\n\n### Why it matters {#why}\n\nText.\n");
    const claim = doc.claims[0]!;
    expect([claim.id, claim.title]).toEqual(["quick", "Quick start"]);
    expect(claim.blocks[0]!.inlines).toEqual([{ kind: "text", text: "Why it matters" }]);
  });

  it("refuses an id audiences could not name, at the attribute block's position", () => {
    expect(failure("## Setup {#Fast_Setup}\n")).toBe(
      'sources/doc.md:5:10: claim id "Fast_Setup" must be lowercase letters, digits and hyphens (like audience ids), e.g. {#fast-setup}',
    );
  });

  it("reads only {#id}: classes and key=value attributes are dropped with a warning", () => {
    const doc = parse("## Setup {#setup .wide lang=en}\n\nText.\n");
    expect(doc.claims[0]!.id).toBe("setup");
    expect(doc.claims[0]!.title).toBe("Setup");
    expect(doc.messages.map((m) => m.rule)).toEqual(["unsupported-content"]);
  });

  it("leaves braces that are not attributes in the title", () => {
    const doc = parse("## Sets {a, b} compared\n\nText.\n");
    expect(doc.claims[0]!.title).toBe("Sets {a, b} compared");
  });

  it("refuses the same id twice, naming both positions", async () => {
    const root = await workspace({
      "a.md": `${FM}## One {#same}\n\nText.\n`,
      "b.md": "## Two {#same}\n\nText.\n",
    });
    expect(await loadError(root)).toBe(
      'sources/b.md:1:1: claim "same" is already defined at sources/a.md:5',
    );
  });

  it("refuses a pinned id that another heading's slug already has", async () => {
    const root = await workspace({
      "a.md": `${FM}## Setup\n\nText.\n\n## Other {#setup}\n\nText.\n`,
    });
    expect(await loadError(root)).toBe(
      'sources/a.md:9:1: claim "setup" is already defined at sources/a.md:5',
    );
  });
});

describe("unknown claim ids", () => {
  it("suggests the closest id when an audience names a renamed heading's old slug", async () => {
    const root = await workspace({
      "a.md": `---\ntitle: T\nproduct: P\naudiences:\n  - id: ops\n    label: Ops\n    claims: [offline-editing]\n---\n## Offline-First Editing\n\nText.\n\n## Pricing\n\nText.\n`,
    });
    expect(await loadError(root)).toBe(
      'sources/a.md:7:14: audience "ops" names unknown claim "offline-editing": did you mean "offline-first-editing"? (claims: offline-first-editing, pricing)',
    );
  });

  it("suggests for a comparison row too, and nothing when no id is close", async () => {
    const rows = (claim: string) =>
      `---\ntitle: T\nproduct: P\ncompetitor: C\ncomparison:\n  - { aspect: A, product: p, competitor: c, claim: ${claim} }\n---\n## Pricing\n\nText.\n`;
    expect(await loadError(await workspace({ "a.md": rows("prizing") }))).toContain(
      'names unknown claim "prizing": did you mean "pricing"?',
    );
    expect(await loadError(await workspace({ "a.md": rows("zzz-unrelated") }))).toContain(
      'names unknown claim "zzz-unrelated" (claims: pricing)',
    );
  });
});

describe("heading attributes, consistently", () => {
  it("warns about a class or key=value on a ### subheading, printing its words", () => {
    const doc = parse("## A\n\n### Price {from=$10}\n\n### Keys {.a}\n");
    expect(doc.claims[0]!.blocks.map((b) => b.inlines)).toEqual([
      [{ kind: "text", text: "Price" }],
      [{ kind: "text", text: "Keys" }],
    ]);
    expect(doc.messages.map((m) => [m.position.line, m.position.column, m.rule])).toEqual([
      [7, 11, "unsupported-content"],
      [9, 10, "unsupported-content"],
    ]);
  });

  it("ignores a subheading's {#id}, even one a claim id could not be", () => {
    const doc = parse("## A\n\n### Details {#Details}\n\nText.\n");
    expect(doc.claims[0]!.blocks[0]!.inlines).toEqual([{ kind: "text", text: "Details" }]);
    expect(doc.messages).toEqual([]);
  });

  it("reads no id from a code span or an escaped brace: those are the heading's words", () => {
    const doc = parse("## Use `{#x}` now `{#y}`\n\nText.\n\n## Escaped \\{#z}\n\nText.\n");
    expect(doc.claims.map((c) => [c.id, c.title])).toEqual([
      ["use-x-now-y", "Use {#x} now {#y}"],
      ["escaped-z", "Escaped {#z}"],
    ]);
  });

  it("refuses a claim heading with an id and no title", () => {
    expect(failure("## {#only}\n\nBody.\n")).toBe(
      "sources/doc.md:5:1: a claim heading needs a title: it is printed above the claim (the {#only} only names it)",
    );
  });
});
