import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCitedTexts } from "../../../src/ingest/cited/index.js";
import type { CitedText, Source } from "../../../src/model/index.js";
import { makePdf } from "./pdf-fixture.js";

const run = promisify(execFile);
const FIXTURES = path.resolve("tests/fixtures/ingest/cited");
let root: string;
let sources: string;
let pdf: Buffer;

const source = (id: string, file: string): Source => ({
  id,
  title: id,
  url: `https://example.org/${id}`,
  file,
});

async function put(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(path.join(sources, file)), { recursive: true });
  await writeFile(path.join(sources, file), bytes);
}

async function loadOne(file: string): Promise<CitedText> {
  const texts = await loadCitedTexts(sources, [source("doc", file)]);
  return texts.get("doc")!;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "collateral-cited-"));
  sources = path.join(root, "sources");
  pdf = await makePdf(["Page one text.", "Page two text."]);
  await put("cited/doc.pdf", pdf);
  await put("cited/page.html", "<html><body><h1>Catalog</h1><p>Course&nbsp;text</p></body></html>");
  await put("cited/empty.pdf", "");
  await put("cited/truncated.pdf", pdf.subarray(0, Math.floor(pdf.byteLength / 2)));
  await copyFile(path.join(FIXTURES, "login-page.pdf"), path.join(sources, "cited/login.pdf"));
  await run("qpdf", ["--encrypt", "user", "owner", "256", "--", "doc.pdf", "locked.pdf"], {
    cwd: path.join(sources, "cited"),
  });
  await mkdir(path.join(sources, "cited/folder.pdf"));
  await writeFile(path.join(root, "secret.pdf"), pdf);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("loadCitedTexts", () => {
  it("returns each registered document's text by source id, with the sha256 of its bytes", async () => {
    const texts = await loadCitedTexts(sources, [
      source("blueprint", "cited/doc.pdf"),
      source("catalog", "cited/page.html"),
    ]);
    expect([...texts.keys()]).toEqual(["blueprint", "catalog"]);
    const blueprint = texts.get("blueprint");
    expect(blueprint).toMatchObject({ readable: true, source: "blueprint", kind: "pdf" });
    expect(blueprint?.readable && blueprint.pages.map((p) => p.trim())).toEqual([
      "Page one text.",
      "Page two text.",
    ]);
    expect(blueprint?.hash).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(texts.get("catalog")).toEqual({
      readable: true,
      source: "catalog",
      kind: "html",
      pages: ["Catalog\nCourse\u00A0text"],
      asides: [],
      hash: createHash("sha256")
        .update(await readFile(path.join(sources, "cited/page.html")))
        .digest("hex"),
    });
  });

  it("gives two entries that name the same file the same text", async () => {
    const texts = await loadCitedTexts(sources, [
      source("one", "cited/doc.pdf"),
      source("two", "./cited/../cited/doc.pdf"),
    ]);
    expect(texts.get("two")).toEqual({ ...texts.get("one"), source: "two" });
  });

  it("reports a file that does not exist as missing, naming it from the workspace", async () => {
    expect(await loadOne("cited/gone.pdf")).toEqual({
      readable: false,
      source: "doc",
      kind: "missing",
      reason: "the local copy sources/cited/gone.pdf does not exist",
      hash: null,
    });
  });

  it.each([
    ["an empty file", "cited/empty.pdf", /^the file is empty$/],
    ["a truncated PDF", "cited/truncated.pdf", /truncated/],
    ["an encrypted PDF", "cited/locked.pdf", /^the PDF is encrypted with a password$/],
    [
      "an HTML page saved as .pdf",
      "cited/login.pdf",
      /^not really a PDF: the file is an HTML page/,
    ],
  ])("reports %s as unreadable with the reason, and still hashes it", async (_, file, reason) => {
    const text = await loadOne(file);
    expect(text).toMatchObject({ readable: false, source: "doc", kind: "pdf" });
    expect(text.readable === false && text.reason).toMatch(reason);
    expect(text.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports a folder in place of a file as unreadable", async () => {
    expect(await loadOne("cited/folder.pdf")).toMatchObject({
      readable: false,
      reason: "the local copy sources/cited/folder.pdf cannot be read (it is a folder, not a file)",
    });
  });

  it.each([
    ["../../etc/passwd"],
    ["/etc/passwd"],
    ["../secret.pdf"],
    ["cited/../../secret.pdf"],
    ["."],
  ])(
    "refuses a registry file that escapes the sources folder (%s), even when it exists",
    async (file) => {
      const text = await loadOne(file);
      expect(text).toMatchObject({ readable: false, source: "doc", hash: null });
      expect(text.readable === false && text.reason).toMatch(
        /is outside sources\/: a local copy must live inside it$/,
      );
    },
  );

  it("never throws: a registry mixing good, missing and bad files gets one answer per entry", async () => {
    const registry = [
      "cited/doc.pdf",
      "cited/gone.pdf",
      "cited/empty.pdf",
      "../x",
      "cited/page.html",
    ].map((file, i) => source(`s${i}`, file));
    const texts = await loadCitedTexts(sources, registry);
    expect([...texts.values()].map((t) => t.readable)).toEqual([true, false, false, false, true]);
  });

  it("returns an empty map for an empty registry", async () => {
    expect((await loadCitedTexts(sources, [])).size).toBe(0);
  });
});
