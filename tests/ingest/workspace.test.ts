import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkspace } from "../../src/ingest/workspace.js";

const REGISTRY = `- id: one
  title: One
  url: https://one.example/doc.pdf
  file: cited/one.pdf
`;

async function workspace(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-ws-"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

const error = async (root: string) => {
  try {
    await loadWorkspace(root);
  } catch (e) {
    return String(e);
  }
  throw new Error("expected loadWorkspace to fail");
};

describe("loadWorkspace", () => {
  it("loads the CISSO workspace of this repository with its three cited quotes resolved", async () => {
    const { model, messages } = await loadWorkspace(path.resolve("."));
    expect(messages).toEqual([]);
    expect(model.meta.product).toBe("CISSO");
    expect(model.meta.audiences.length).toBeGreaterThanOrEqual(3);
    const quotes = model.claims.flatMap((c) =>
      c.quotes.map((q) => c.citations[q.citation!]?.source),
    );
    expect(quotes).toEqual(["cisso-blueprint", "cisso-blueprint", "niccs-cisso"]);
  });

  it("resolves a citation to the registry ignoring a trailing slash and a fragment", async () => {
    const root = await workspace({
      "sources/sources.yaml": REGISTRY,
      "sources/a.md":
        "---\ntitle: T\nproduct: P\n---\n## A\n\n“one two three” [x](https://one.example/doc.pdf#page=2)\n",
    });
    const { model } = await loadWorkspace(root);
    expect(model.claims[0]!.citations[0]!.source).toBe("one");
  });

  it("names the front-matter line of an audience that lists an unknown claim", async () => {
    const root = await workspace({
      "sources/sources.yaml": REGISTRY,
      "sources/a.md":
        "---\ntitle: T\nproduct: P\naudiences:\n  - id: x\n    label: X\n    claims:\n      - nope\n---\n## A\n\nText.\n",
    });
    expect(await error(root)).toMatch(
      /^sources\/a\.md:8:9: audience "x" names unknown claim "nope"/,
    );
  });

  it("names the front-matter line of an audience that lists a claim twice", async () => {
    const root = await workspace({
      "sources/sources.yaml": REGISTRY,
      "sources/a.md":
        "---\ntitle: T\nproduct: P\naudiences:\n  - id: x\n    label: X\n    claims: [a, a]\n---\n## A\n\nText.\n",
    });
    expect(await error(root)).toMatch(/^sources\/a\.md:7:17: audience "x" names claim "a" twice/);
  });

  it("names the registry line of a duplicate source id", async () => {
    const root = await workspace({
      "sources/sources.yaml": `${REGISTRY}- id: one\n  title: Two\n  url: https://two.example\n  file: b.pdf\n`,
      "sources/a.md": "---\ntitle: T\nproduct: P\n---\n## A\n",
    });
    expect(await error(root)).toMatch(/^sources\/sources\.yaml:5:7: duplicate source id "one"/);
  });

  it("names the registry line of an invalid URL", async () => {
    const root = await workspace({
      "sources/sources.yaml": "- id: one\n  title: One\n  url: not a url\n  file: a.pdf\n",
      "sources/a.md": "---\ntitle: T\nproduct: P\n---\n## A\n",
    });
    expect(await error(root)).toMatch(/^sources\/sources\.yaml:3:8: .*url/i);
  });

  it("reads a document without front matter: the title is its first # heading, else its file name", async () => {
    const headed = await workspace({
      "sources/sources.yaml": REGISTRY,
      "sources/a.md": "# A Plain Page\n\n## A\n\nText.\n",
    });
    const { model } = await loadWorkspace(headed);
    expect(model.meta.title).toBe("A Plain Page");
    expect(model.meta.product).toBeUndefined();
    const named = await workspace({
      "sources/sources.yaml": REGISTRY,
      "sources/white-paper_2026.md": "## A\n",
    });
    expect((await loadWorkspace(named)).model.meta.title).toBe("White paper 2026");
  });

  it("keeps a front matter title over the heading", async () => {
    const root = await workspace({
      "sources/sources.yaml": REGISTRY,
      "sources/a.md": "---\ntitle: T\n---\n# Heading\n\n## A\n",
    });
    expect((await loadWorkspace(root)).model.meta.title).toBe("T");
  });

  it("makes a page without any ## heading one claim, so its quotes are checked", async () => {
    const root = await workspace({
      "sources/sources.yaml": REGISTRY,
      "sources/paper.md":
        "# A Whitepaper\n\nIntro “one two three” [x](https://one.example/doc.pdf).\n\n### Detail\n\nMore “four five six”.\n",
    });
    const { model, messages } = await loadWorkspace(root);
    expect(messages).toEqual([]);
    expect(model.claims.map((c) => [c.id, c.title])).toEqual([["a-whitepaper", "A Whitepaper"]]);
    expect(model.claims[0]!.quotes.map((q) => q.text)).toEqual(["one two three", "four five six"]);
    expect(model.claims[0]!.position).toMatchObject({ file: "sources/paper.md", line: 3 });
  });

  it("warns about each placeholder `collateral import` left in the front matter", async () => {
    const root = await workspace({
      "sources/sources.yaml": REGISTRY,
      "sources/a.md": "---\ntitle: T\nproduct: TODO\ncompetitor: TODO\n---\n## A\n",
    });
    const { messages } = await loadWorkspace(root);
    expect(
      messages.map((m) => `${m.position.line}:${m.position.column} ${m.rule} ${m.reason}`),
    ).toEqual([
      '3:10 placeholder product is still a placeholder ("TODO"): fill it in before this goes out',
      '4:13 placeholder competitor is still a placeholder ("TODO"): fill it in before this goes out',
    ]);
  });

  it("refuses the same claim id in two files, naming both places", async () => {
    const root = await workspace({
      "sources/sources.yaml": REGISTRY,
      "sources/a.md": "---\ntitle: T\nproduct: P\n---\n## A\n",
      "sources/b.md": "## A\n",
    });
    expect(await error(root)).toMatch(
      /^sources\/b\.md:1:1: claim "a" is already defined at sources\/a\.md:5/,
    );
  });

  it("says how to fix a folder that is not a workspace", async () => {
    const root = await workspace({ "README.md": "x" });
    expect(await error(root)).toMatch(/no sources\/ folder .* --root DIR/);
  });
});

describe("source files that are not files", () => {
  it("refuses a Markdown source that is a named pipe at once, never waiting for a writer", async () => {
    const root = await workspace({ "sources/a.md": "## A\n\nText.\n", "sources/sources.yaml": "" });
    execFileSync("mkfifo", [path.join(root, "sources/b.md")]);
    expect(await error(root)).toMatch(
      /sources\/b\.md:1:1: not a regular file \(a device or a pipe\)/,
    );
  });
});
