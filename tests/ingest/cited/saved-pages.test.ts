// Saved web pages read as a browser shows them: the encoding it would pick, footnote marks, CJK quotes, no broken words.
import { describe, expect, it } from "vitest";
import { decodeHtmlBytes, parseCitedBytes } from "../../../src/ingest/cited/index.js";
import { locateQuote, prepareText } from "../../../src/verify/quote/index.js";

/** What a quote finds in a saved page given as bytes, read and prepared as collateral does. */
async function pagesOf(quote: string, bytes: Buffer): Promise<number[] | null> {
  const parsed = await parseCitedBytes(new Uint8Array(bytes), "page.html");
  if (!parsed.ok) throw new Error(parsed.reason);
  const doc = prepareText(parsed.pages, { lineEndHyphens: false });
  return locateQuote(quote, doc)?.pages ?? null;
}

const cp1252 = (text: string) => Buffer.from(text, "latin1");

describe("a saved page's encoding, sniffed as browsers do", () => {
  it("honours a windows-1252 declaration that comes after the first 1024 bytes", () => {
    const page = cp1252(
      `<html><head><title>Catalog</title><style>${" ".repeat(1500)}</style>` +
        `<meta charset="windows-1252"></head><body><p>Caf\xe9 \x93na\xefve\x94 r\xe9sum\xe9s</p></body></html>`,
    );
    expect(decodeHtmlBytes(page)).toContain("Café “naïve” résumés");
  });

  it("reads a page that declares nothing as UTF-8 when it is valid UTF-8, and as windows-1252 when not", () => {
    expect(decodeHtmlBytes(Buffer.from("<p>Café “naïve” — 5 €</p>", "utf8"))).toContain(
      "Café “naïve” — 5 €",
    );
    const latin = decodeHtmlBytes(cp1252("<p>Caf\xe9 na\xefve \x96 5 \x80</p>"));
    expect(latin).toContain("Café naïve – 5 €");
    expect(latin).not.toContain("\ufffd");
  });

  it("verifies a quote with accents against a late-declared windows-1252 page", async () => {
    const page = cp1252(
      `<html><head>${"<!-- padding -->".repeat(80)}<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">` +
        "</head><body><p>Le r\xe9seau cyclable de Chelsea est s\xe9curitaire.</p></body></html>",
    );
    expect(await pagesOf("Le réseau cyclable de Chelsea est sécuritaire", page)).toEqual([1]);
  });
});

describe("footnote marks in a saved page", () => {
  const page = Buffer.from(
    "<p>The reform was justified<sup class=reference><a href=#n21>[21]</a></sup> by the audit, and alerts,<sup>22</sup> and reports followed; storage grew by 10<sup>2</sup> times.</p>",
  );

  it("lets a quote leave a mark out, or type it as copying the page gives it", async () => {
    expect(await pagesOf("The reform was justified by the audit", page)).toEqual([1]);
    expect(await pagesOf("The reform was justified[21] by the audit", page)).toEqual([1]);
    expect(await pagesOf("and alerts, and reports followed", page)).toEqual([1]);
    expect(await pagesOf("and alerts,22 and reports followed", page)).toEqual([1]);
  });

  it("never reads an exponent as digits", async () => {
    expect(await pagesOf("storage grew by 102 times", page)).toBeNull();
    expect(await pagesOf("storage grew by 10² times", page)).toEqual([1]);
    expect(await pagesOf("storage grew by 10 times", page)).toBeNull();
  });
});

describe("a raised word in a saved page", () => {
  it("is a word of the sentence, never a mark a quote may leave out", async () => {
    const page = Buffer.from(
      "<p>The vendor shall<sup>not</sup> be liable for data loss. Customer data will<sup>never</sup> be sold. Logs are kept, <sup>not</sup> deleted.</p>",
    );
    expect(await pagesOf("The vendor shall be liable for data loss", page)).toBeNull();
    expect(await pagesOf("Customer data will be sold", page)).toBeNull();
    expect(await pagesOf("Logs are kept, deleted", page)).toBeNull();
    expect(await pagesOf("The vendor shall not be liable for data loss", page)).toEqual([1]);
    expect(await pagesOf("Logs are kept, not deleted", page)).toEqual([1]);
  });
});

describe("other scripts and line ends in a saved page", () => {
  it("reads ‘…’ nested in a CJK quotation as quote marks, not apostrophes gluing words", async () => {
    const page = Buffer.from("<p>彼は「東京は‘首都’です」と言った。</p>");
    expect(await pagesOf("首都", page)).toEqual([1]);
    expect(await pagesOf("東京は", page)).toEqual([1]);
  });

  it("never joins a hyphen at the end of a block or a <br> to the next line's word", async () => {
    const page = Buffer.from("<p>A two-<br>factor login, and a self-</p><p>service portal.</p>");
    expect(await pagesOf("twofactor", page)).toBeNull();
    expect(await pagesOf("selfservice", page)).toBeNull();
    expect(await pagesOf("and a self- service portal", page)).toEqual([1]);
  });
});
