// `collateral watch` says each warning once: when it appears, not again after every rebuild that still has it.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace } from "../helpers/workspace.js";
import { edit, WatchProcess } from "./watch-process.js";

const MD = "sources/cisso-vs-cissp.md";
let root: string;
let watch: WatchProcess;

beforeAll(async () => {
  root = await copyWorkspace();
  const md = path.join(root, MD);
  await writeFile(md, (await readFile(md, "utf8")).replace("tagline:", "tagine: typo\ntagline:"));
  watch = new WatchProcess(root);
  await watch.line(/^watching sources\//);
}, 120_000);

afterAll(async () => {
  watch?.kill("SIGKILL");
  await watch?.exited;
  if (root) await rm(root, { recursive: true, force: true });
});

const tagine = /warning: unknown front matter key "tagine"/;

describe.sequential("warnings in watch mode", () => {
  it("prints a warning with the first build", () => {
    expect(watch.lines.filter((l) => tagine.test(l))).toHaveLength(1);
  });

  it("does not print it again after a rebuild that still has it, and says so in one word", async () => {
    const from = watch.lines.length;
    await edit(path.join(root, MD), "Mapped and Recognized by", "Mapped and Endorsed by");
    const line = await watch.rebuild(from);
    expect(line).toMatch(/^✔ .* · 1 warning\(s\) as before$/);
    expect(watch.detail(watch.lines.indexOf(line))).toEqual([]);
    expect(watch.lines.filter((l) => tagine.test(l))).toHaveLength(1);
  });

  it("prints a new warning when it appears, and only that one", async () => {
    const from = watch.lines.length;
    await edit(path.join(root, MD), "tagine: typo", "tagine: typo\nsubtitel: another");
    const line = await watch.rebuild(from);
    expect(line).toMatch(/· 1 warning\(s\) as before$/);
    const detail = watch.detail(watch.lines.indexOf(line));
    expect(detail).toHaveLength(1);
    expect(detail[0]).toMatch(
      /^sources\/cisso-vs-cissp\.md:\d+:\d+: warning: unknown front matter key "subtitel" \(did you mean "subtitle"\?\)/,
    );
  });
});
