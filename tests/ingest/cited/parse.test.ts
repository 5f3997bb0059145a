import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCitedBytes } from "../../../src/ingest/cited/index.js";
import { makePdf } from "./pdf-fixture.js";

const run = promisify(execFile);
const FIXTURES = path.resolve("tests/fixtures/ingest/cited");
let pdf: Buffer;
const temporary: string[] = [];

/** A fresh folder holding the test PDF as in.pdf, for qpdf to work in. */
async function withPdf(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-pdf-"));
  temporary.push(dir);
  await writeFile(path.join(dir, "in.pdf"), pdf);
  return dir;
}

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

beforeAll(async () => {
  pdf = await makePdf(["First page of the cited document.", "Second page, with the quote."]);
});

const reasonOf = async (bytes: Uint8Array, file: string) => {
  const parsed = await parseCitedBytes(bytes, file);
  if (parsed.ok) throw new Error(`expected ${file} to be unreadable`);
  return parsed;
};

describe("parseCitedBytes", () => {
  it("reads a PDF into one text per page, in page order", async () => {
    const parsed = await parseCitedBytes(pdf, "doc.pdf");
    expect(parsed).toMatchObject({ ok: true, kind: "pdf" });
    if (!parsed.ok) return;
    expect(parsed.pages).toHaveLength(2);
    expect(parsed.pages[0]).toContain("First page of the cited document.");
    expect(parsed.pages[1]).toContain("Second page, with the quote.");
  });

  it("refuses an empty file", async () => {
    expect(await reasonOf(new Uint8Array(), "doc.pdf")).toEqual({
      ok: false,
      kind: "pdf",
      reason: "the file is empty",
    });
    expect((await reasonOf(new Uint8Array(), "page.html")).reason).toBe("the file is empty");
  });

  it("refuses a PDF cut off part-way, as a download interrupted would leave it", async () => {
    for (const keep of [0.3, 0.6, 0.9, 0.99]) {
      const cut = pdf.subarray(0, Math.floor(pdf.byteLength * keep));
      expect((await reasonOf(cut, "doc.pdf")).reason).toMatch(/truncated/);
    }
  });

  it("refuses a PDF encrypted with a user password", async () => {
    const dir = await withPdf();
    await run("qpdf", ["--encrypt", "user", "owner", "256", "--", "in.pdf", "out.pdf"], {
      cwd: dir,
    });
    const locked = await readFile(path.join(dir, "out.pdf"));
    expect((await reasonOf(locked, "doc.pdf")).reason).toBe("the PDF is encrypted with a password");
  });

  it("reads a PDF that has only an owner password, as every viewer opens it", async () => {
    const dir = await withPdf();
    await run("qpdf", ["--encrypt", "", "owner", "256", "--", "in.pdf", "out.pdf"], { cwd: dir });
    const parsed = await parseCitedBytes(await readFile(path.join(dir, "out.pdf")), "doc.pdf");
    expect(parsed.ok && parsed.pages[1]).toContain("Second page, with the quote.");
  });

  it("refuses an HTML page saved under a .pdf name, saying what it really is", async () => {
    const page = await readFile(path.join(FIXTURES, "login-page.pdf"));
    expect((await reasonOf(page, "doc.pdf")).reason).toMatch(
      /^not really a PDF: the file is an HTML page/,
    );
  });

  it("refuses bytes that are no PDF at all", async () => {
    const parsed = await reasonOf(Buffer.from("PK\u0003\u0004 a zip archive"), "doc.pdf");
    expect(parsed.reason).toBe("not really a PDF: no %PDF- header");
  });

  it("refuses a PDF saved under an .html name instead of reading its bytes as markup", async () => {
    expect(await reasonOf(pdf, "page.html")).toMatchObject({
      kind: "html",
      reason: "not really an HTML page: the file is a PDF (name it .pdf)",
    });
  });

  it("refuses binary data saved under an .html name", async () => {
    const binary = Uint8Array.from([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02, 0xff]);
    expect((await reasonOf(binary, "page.htm")).reason).toMatch(/binary data/);
  });

  it("reads a saved HTML page as one page of visible text", async () => {
    const html = Buffer.from(
      "<html><body><p>Visible&nbsp;text</p><script>hidden()</script></body></html>",
    );
    expect(await parseCitedBytes(html, "page.HTML")).toEqual({
      ok: true,
      kind: "html",
      pages: ["Visible\u00A0text"],
    });
  });

  it("decodes a page in the charset its <meta> declares", async () => {
    const head = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Mile2');
    const bytes = Buffer.concat([
      head,
      Buffer.from([0x92]),
      Buffer.from("s caf\xe9</p></body></html>", "latin1"),
    ]);
    expect(await parseCitedBytes(bytes, "page.html")).toMatchObject({ pages: ["Mile2’s café"] });
  });

  it("decodes a UTF-16 page by its byte order mark", async () => {
    const body = Buffer.from("<p>Unicode — text</p>", "utf16le");
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), body]);
    expect(await parseCitedBytes(bytes, "page.html")).toMatchObject({ pages: ["Unicode — text"] });
  });

  it("goes by the bytes when the extension is unknown", async () => {
    expect(await parseCitedBytes(pdf, "download")).toMatchObject({ ok: true, kind: "pdf" });
    const html = Buffer.from("<!doctype html><title>t</title><p>From a page</p>");
    expect(await parseCitedBytes(html, "page.aspx")).toMatchObject({
      ok: true,
      pages: ["From a page"],
    });
    expect((await reasonOf(Buffer.from("just words"), "notes.txt")).reason).toMatch(
      /^unknown format/,
    );
  });
});
