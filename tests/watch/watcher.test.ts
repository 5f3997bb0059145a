// WorkspaceWatcher driving a Pipeline: what each kind of change re-parses, re-verifies and re-prints.
import { cp, open, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Pipeline } from "../../src/pipeline.js";
import { type Change, WorkspaceWatcher } from "../../src/watch.js";
import { copyWorkspace, REPO } from "../helpers/workspace.js";
import { atomicSave, edit, until } from "./watch-process.js";

const MD = "sources/cisso-vs-cissp.md";
const PDF = "sources/cited/cisso-exam-blueprint.pdf";

/** What one rebuild did. */
interface Rebuild {
  changes: Change[];
  markdownParsed: string[];
  citedParsed: string[];
  verified: boolean;
  printed: string[];
  error?: string;
}

let root: string;
let pipeline: Pipeline;
let watcher: WorkspaceWatcher;
const rebuilds: Rebuild[] = [];
const at = (rel: string) => path.join(root, rel);

beforeAll(async () => {
  root = await copyWorkspace({ templates: true });
  pipeline = new Pipeline(root, { persistentCache: false });
  // The brochure alone keeps the prints few; the other pieces go through the same code.
  const build = () => pipeline.build({ only: ["brochure"], writeEach: true });
  await build();
  watcher = new WorkspaceWatcher(root, {
    rebuild: async (changes) => {
      const verifications = pipeline.verifications;
      const done: Rebuild = {
        changes,
        markdownParsed: [],
        citedParsed: [],
        verified: false,
        printed: [],
      };
      try {
        const result = await build();
        done.printed = result.pieces.map((p) => p.piece);
      } catch (error) {
        done.error = String(error);
      }
      done.markdownParsed = pipeline.documents.lastParsedFiles;
      done.citedParsed = pipeline.cited.lastParsedFiles;
      done.verified = pipeline.verifications !== verifications;
      rebuilds.push(done);
    },
  });
  await watcher.ready();
}, 120_000);

afterAll(async () => {
  await watcher?.close();
  await pipeline?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** The first rebuild from index `from` on whose changes include `file`. */
function rebuildOf(file: string, from: number): Promise<Rebuild> {
  return until(`a rebuild for ${file}`, () =>
    rebuilds.slice(from).find((r) => r.changes.some((c) => c.file === file)),
  );
}

describe.sequential("what a change rebuilds", () => {
  it("re-parses an edited Markdown document, and no cited document", async () => {
    const from = rebuilds.length;
    const cited = pipeline.cited.totalParsed;
    await edit(at(MD), "a pragmatic choice", "a pragmatic pick");
    const rebuild = await rebuildOf(MD, from);
    expect(rebuild).toMatchObject({
      changes: [{ kind: "source", file: MD }],
      markdownParsed: [MD],
      citedParsed: [],
      verified: true,
      printed: ["brochure"],
    });
    expect(pipeline.cited.totalParsed).toBe(cited);
  });

  it("re-parses a changed cited PDF alone, and not the Markdown", async () => {
    const from = rebuilds.length;
    const markdown = pipeline.documents.totalParsed;
    const cited = pipeline.cited.totalParsed;
    const original = await readFile(at(PDF));
    // Bytes after %%EOF: a new content hash, the same text.
    await writeFile(at(PDF), Buffer.concat([original, Buffer.from("\n% touched\n")]));
    const rebuild = await rebuildOf(PDF, from);
    expect(rebuild).toMatchObject({
      changes: [{ kind: "cited", file: PDF }],
      markdownParsed: [],
      citedParsed: ["cited/cisso-exam-blueprint.pdf"],
      verified: true,
      // Same text, so the same brochure: nothing to print.
      printed: [],
    });
    expect(pipeline.cited.totalParsed).toBe(cited + 1);
    expect(pipeline.documents.totalParsed).toBe(markdown);

    // Put back, the original bytes are known by their hash: not parsed again.
    const back = rebuilds.length;
    await writeFile(at(PDF), original);
    expect(await rebuildOf(PDF, back)).toMatchObject({ citedParsed: [], markdownParsed: [] });
    expect(pipeline.cited.totalParsed).toBe(cited + 1);
  });

  it("re-prints a theme change without parsing or verifying again", async () => {
    const from = rebuilds.length;
    const css = "templates/theme/brochure.css";
    await writeFile(
      at(css),
      `${await readFile(at(css), "utf8")}\nbody { letter-spacing: 0.01em; }\n`,
    );
    expect(await rebuildOf(css, from)).toMatchObject({
      changes: [{ kind: "template", file: css }],
      markdownParsed: [],
      citedParsed: [],
      verified: false,
      printed: ["brochure"],
    });
  });

  it("re-prints when a theme image changes, though the HTML does not", async () => {
    const logo = "templates/theme/logo.svg";
    const svg = (fill: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="${fill}"/></svg>\n`;
    let from = rebuilds.length;
    await writeFile(at(logo), svg("#003366"));
    expect(await rebuildOf(logo, from)).toMatchObject({ printed: ["brochure"], verified: false });
    from = rebuilds.length;
    await writeFile(at(logo), svg("#336600"));
    expect(await rebuildOf(logo, from)).toMatchObject({ printed: ["brochure"], verified: false });
  });

  it("treats an atomic save as one change of the file, ignoring editors' scratch files", async () => {
    const from = rebuilds.length;
    await writeFile(at("sources/.cisso-vs-cissp.md.swp"), "vim swap");
    await writeFile(at("sources/cisso-vs-cissp.md~"), "backup");
    const text = await readFile(at(MD), "utf8");
    await atomicSave(at(MD), text.replace("a pragmatic pick", "a pragmatic option"));
    const rebuild = await rebuildOf(MD, from);
    expect(rebuild).toMatchObject({ markdownParsed: [MD], printed: ["brochure"] });
    const seen = rebuilds.slice(from).flatMap((r) => r.changes.map((c) => c.file));
    expect(seen).toEqual([MD]);
  });

  it("waits out a save caught between truncate and write, and builds the saved text once", async () => {
    const from = rebuilds.length;
    const text = await readFile(at(MD), "utf8");
    // An editor saving in place on a busy machine: the file sits empty for a moment.
    const file = await open(at(MD), "w");
    await new Promise((r) => setTimeout(r, 150));
    await file.writeFile(text.replace("a pragmatic option", "a pragmatic answer"));
    await file.close();
    const rebuild = await rebuildOf(MD, from);
    expect(rebuild.error).toBeUndefined();
    expect(rebuild.markdownParsed).toEqual([MD]);
    await watcher.idle();
    expect(rebuilds.slice(from).map((r) => r.error ?? "ok")).toEqual(["ok"]);
  });

  it("still builds a file left empty, and says what is wrong with it", async () => {
    const from = rebuilds.length;
    const text = await readFile(at(MD), "utf8");
    await writeFile(at(MD), "");
    const emptied = await rebuildOf(MD, from);
    expect(emptied.error).toBeDefined();
    const back = rebuilds.length;
    await writeFile(at(MD), text);
    expect((await rebuildOf(MD, back)).error).toBeUndefined();
  });

  it("keeps watching after a failed build, and rebuilds once the file is fixed", async () => {
    let from = rebuilds.length;
    const good = await edit(at(MD), "no minimum requirements", "no maximum requirements");
    const failed = await rebuildOf(MD, from);
    expect(failed.error).toMatch(/1 quote\(s\) failed verification/);
    expect(failed.printed).toEqual([]);
    from = rebuilds.length;
    await writeFile(at(MD), good);
    const fixed = await rebuildOf(MD, from);
    expect(fixed.error).toBeUndefined();
    expect(fixed.verified).toBe(true);
  });

  it("does not rebuild for a file saved with the same bytes", async () => {
    const from = rebuilds.length;
    await writeFile(at(MD), await readFile(at(MD)));
    // Give its event time to arrive on its own, then change something else.
    await new Promise((r) => setTimeout(r, 300));
    const css = "templates/theme/brochure.css";
    await writeFile(at(css), `${await readFile(at(css), "utf8")}\n/* saved */\n`);
    await rebuildOf(css, from);
    await watcher.idle();
    expect(rebuilds.slice(from).flatMap((r) => r.changes.map((c) => c.file))).toEqual([css]);
  });
});

describe("a change made while the first build is still running", () => {
  it("is rebuilt after the first build, never beside it", async () => {
    const dir = await copyWorkspace();
    let releaseFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const order: string[] = [];
    const late = new WorkspaceWatcher(dir, {
      after: first.then(() => {
        order.push("first build done");
      }),
      rebuild: async (changes) => {
        order.push(`rebuild ${changes.map((c) => c.file).join(",")}`);
      },
    });
    try {
      await late.ready();
      await edit(path.join(dir, MD), "Accessible Entry Point", "Accessible Entry Points");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(order).toEqual([]);
      releaseFirst();
      await until("the rebuild", () => order.length === 2);
      expect(order).toEqual(["first build done", `rebuild ${MD}`]);
    } finally {
      await late.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a watched folder deleted and made again (a git checkout)", () => {
  it("is watched again: an edit in it after it is back rebuilds", async () => {
    const dir = await copyWorkspace({ templates: true });
    const seen: string[] = [];
    const w = new WorkspaceWatcher(dir, {
      rebuild: async (changes) => {
        seen.push(...changes.map((c) => c.file));
      },
    });
    try {
      await w.ready();
      const css = path.join(dir, "templates/theme/base.css");
      const text = await readFile(css, "utf8");
      await rm(path.join(dir, "templates"), { recursive: true, force: true });
      await until("the deletion to be seen", () => seen.includes("templates/theme/base.css"));
      await cp(path.join(REPO, "templates"), path.join(dir, "templates"), { recursive: true });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      seen.length = 0;
      await writeFile(css, `${text}\n.watch-again { color: #123456; }\n`);
      await until("the edit to be seen", () => seen.includes("templates/theme/base.css"));
    } finally {
      await w.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
