// The parsed-document cache is a speed-up, never evidence: a forged or broken entry is read again, never believed.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CITED_CACHE_DIR } from "../../src/ingest/cited-cache.js";
import { Pipeline } from "../../src/pipeline.js";
import { copyWorkspace } from "../helpers/workspace.js";

const MD = "sources/cisso-vs-cissp.md";
const FALSE = "there are no exam fees for the CISSO certification";

/** A copy of the workspace whose cache holds the blueprint's entry, and a quote that is not in the blueprint. */
async function cachedWorkspace(): Promise<{ root: string; entry: string }> {
  const root = await copyWorkspace();
  const md = path.join(root, MD);
  const text = await readFile(md, "utf8");
  await writeFile(
    md,
    text.replace(
      "## Accessible Entry Point",
      `## Accessible Entry Point\n\nIts blueprint says “${FALSE}” [Mile2][cisso-blueprint].\n`,
    ),
  );
  const first = new Pipeline(root);
  await first.verify();
  await first.close();
  const dir = path.join(root, CITED_CACHE_DIR);
  const entries = (await readdir(dir)).filter((f) => f.endsWith(".pdf.json"));
  // The blueprint's entry: the one whose text holds its best-known sentence.
  for (const name of entries) {
    const file = path.join(dir, name);
    if ((await readFile(file, "utf8")).includes("minimum requirements"))
      return { root, entry: file };
  }
  throw new Error("no cache entry for the blueprint");
}

async function statusOf(root: string, quote: string) {
  const pipeline = new Pipeline(root);
  try {
    const { model } = await pipeline.verify();
    return {
      status: model.report.quotes.find((q) => q.text === quote)?.status,
      parsed: pipeline.cited.lastParsedFiles,
    };
  } finally {
    await pipeline.close();
  }
}

describe("the parsed-document cache", () => {
  beforeAll(() => {
    process.env.COLLATERAL_CACHE_KEY = "a key for these tests, kept outside any workspace";
  });

  it("is used when its entry is intact: nothing is read again", async () => {
    const { root } = await cachedWorkspace();
    const again = await statusOf(root, FALSE);
    expect(again.status).toBe("not-found");
    expect(again.parsed).toEqual([]);
  });

  it("never verifies a quote that an edited entry holds: the entry is read again from the file", async () => {
    const { root, entry } = await cachedWorkspace();
    const forged = (await readFile(entry, "utf8")).replace(
      "there are no",
      `${FALSE}. there are no`,
    );
    await writeFile(entry, forged);
    const again = await statusOf(root, FALSE);
    expect(again.status).toBe("not-found");
    expect(again.parsed).toContain("cited/cisso-exam-blueprint.pdf");
  });

  it("never trusts an entry sealed under another machine's key (a CI cache restored from elsewhere)", async () => {
    const { root } = await cachedWorkspace();
    process.env.COLLATERAL_CACHE_KEY = "another machine's key";
    try {
      const again = await statusOf(root, FALSE);
      expect(again.parsed).toContain("cited/cisso-exam-blueprint.pdf");
    } finally {
      process.env.COLLATERAL_CACHE_KEY = "a key for these tests, kept outside any workspace";
    }
  });

  it("takes an entry of the wrong shape for a miss, never a crash", async () => {
    const { root, entry } = await cachedWorkspace();
    const broken = JSON.parse(await readFile(entry, "utf8"));
    broken.parsed.pages = [null];
    await writeFile(entry, JSON.stringify(broken));
    const again = await statusOf(root, FALSE);
    expect(again.status).toBe("not-found");
    await writeFile(entry, "{ not json");
    expect((await statusOf(root, FALSE)).status).toBe("not-found");
  });

  it("is skipped entirely by --no-cache (persistentCache off)", async () => {
    const { root } = await cachedWorkspace();
    const pipeline = new Pipeline(root, { persistentCache: false });
    try {
      await pipeline.verify();
      expect(pipeline.cited.lastParsedFiles).toContain("cited/cisso-exam-blueprint.pdf");
    } finally {
      await pipeline.close();
    }
  });
});
