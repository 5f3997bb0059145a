// watch and the top-level assets/ folder: a replaced screenshot rebuilds and prints new; a named pipe there hangs nothing.
import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Pipeline } from "../../src/pipeline.js";
import { type Change, classifyChange, WorkspaceWatcher } from "../../src/watch.js";
import { badgePng, png } from "../fixtures/markdown/png.js";
import { markdownWorkspace } from "../fixtures/markdown/workspace.js";
import { until } from "./watch-process.js";

let root: string;
let pipeline: Pipeline;
let watcher: WorkspaceWatcher;
const rebuilds: { changes: Change[]; printed: string[]; error?: string }[] = [];

const DOC = `---
title: T
product: Atlas
---

## Shot

The screen as crews see it.

![Atlas screen](../assets/shot.png)
`;

beforeAll(async () => {
  root = await markdownWorkspace({ first: DOC, second: "## Other\n\nText.\n" });
  await mkdir(path.join(root, "assets"));
  await writeFile(path.join(root, "assets/shot.png"), badgePng());
  pipeline = new Pipeline(root, { persistentCache: false });
  const build = () => pipeline.build({ only: ["brochure"], writeEach: true });
  await build();
  watcher = new WorkspaceWatcher(root, {
    rebuild: async (changes) => {
      try {
        const result = await build();
        rebuilds.push({ changes, printed: result.pieces.map((p) => p.piece) });
      } catch (error) {
        rebuilds.push({ changes, printed: [], error: String(error) });
      }
    },
  });
  await watcher.ready();
}, 120_000);

afterAll(async () => {
  await watcher?.close();
  await pipeline?.close();
  if (root) {
    await rm(root, { recursive: true, force: true });
    await rm(`${root}-outside.png`, { force: true });
  }
});

const shown = async () =>
  /src="(assets\/content\/assets\/shot\.[0-9a-f]{16}\.png)"/.exec(
    await readFile(path.join(root, "output/brochure.html"), "utf8"),
  )?.[1];

describe.sequential("watch: assets/", () => {
  it("classifies a file under assets/ as an image", () => {
    expect(classifyChange("assets/screens/shot.png")).toBe("image");
  });

  it("rebuilds when a screenshot under assets/ is replaced, printing the new one", async () => {
    const before = await shown();
    expect(before).toBeTruthy();
    const from = rebuilds.length;
    await writeFile(
      path.join(root, "assets/shot.png"),
      png(200, 50, () => [20, 120, 140]),
    );
    const rebuild = await until("a rebuild for assets/shot.png", () =>
      rebuilds.slice(from).find((r) => r.changes.some((c) => c.file === "assets/shot.png")),
    );
    expect(rebuild).toMatchObject({
      changes: [{ kind: "image", file: "assets/shot.png" }],
      printed: ["brochure"],
    });
    const after = await shown();
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    expect(await readFile(path.join(root, "output", after!))).toEqual(
      png(200, 50, () => [20, 120, 140]),
    );
  }, 60_000);

  it("is not held up by a named pipe appearing under assets/: the next change still rebuilds", async () => {
    execFileSync("mkfifo", [path.join(root, "assets/pipe.png")]);
    const from = rebuilds.length;
    await writeFile(path.join(root, "assets/shot.png"), badgePng());
    await until("a rebuild after the pipe", () =>
      rebuilds.slice(from).find((r) => r.changes.some((c) => c.file === "assets/shot.png")),
    );
    expect(await readFile(path.join(root, "output", (await shown())!))).toEqual(badgePng());
  }, 60_000);
});
