// Saved pages read in Chromium as a reader sees them: what the page's own styles hide is not on the page, what it shows is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserManager } from "../../../src/export/browser.js";
import { parseCitedBytes } from "../../../src/ingest/cited/index.js";
import { DEFAULT_READ_LIMITS } from "../../../src/ingest/cited/reader/limits.js";
import { locateQuote, prepareText } from "../../../src/verify/quote/index.js";

let manager: BrowserManager;
beforeAll(() => {
  manager = new BrowserManager();
});
afterAll(() => manager.close());

async function read(html: string) {
  return parseCitedBytes(Buffer.from(html), "page.html", DEFAULT_READ_LIMITS, () =>
    manager.browser(),
  );
}

/** What a quote finds in the page, read in the browser and prepared as collateral does. */
async function pagesOf(quote: string, html: string): Promise<number[] | null> {
  const parsed = await read(html);
  if (!parsed.ok) throw new Error(parsed.reason);
  return locateQuote(quote, prepareText(parsed.pages, { lineEndHyphens: false }))?.pages ?? null;
}

describe("text the page's styles hide", () => {
  const hidden = [
    [
      "a class its stylesheet hides",
      `<style>.legacy{display:none}</style><p>Encryption is <span class="legacy">not</span> enabled by default.</p>`,
    ],
    ["opacity 0", `<p>Encryption is <span style="opacity:0">not</span> enabled by default.</p>`],
    [
      "a parent at opacity 0",
      `<p>Encryption is <b style="opacity:0"><i>not</i></b> enabled by default.</p>`,
    ],
    [
      "type of no size",
      `<p>Encryption is <span style="font-size:0">not</span> enabled by default.</p>`,
    ],
    [
      "placed off the page",
      `<p>Encryption is <span style="position:absolute;left:-9999px">not</span> enabled by default.</p>`,
    ],
    [
      "a comment inside the declaration",
      `<p>Encryption is <span style="display:/**/none">not</span> enabled by default.</p>`,
    ],
    [
      "an escape inside the declaration",
      `<p>Encryption is <span style="display:\\6eone">not</span> enabled by default.</p>`,
    ],
    [
      "an element browsers never show",
      `<p>Encryption is <noembed>not</noembed> enabled by default.</p>`,
    ],
    [
      "a transparent colour",
      `<p>Encryption is <span style="color:transparent">not</span> enabled by default.</p>`,
    ],
    [
      "visibility, set on a parent",
      `<p>Encryption is <span style="visibility:hidden"><em>not</em></span> enabled by default.</p>`,
    ],
    [
      "the visually-hidden pattern",
      `<style>.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}</style><p>Encryption is <span class="sr">not</span> enabled by default.</p>`,
    ],
    [
      "a media query for a desktop window",
      `<style>@media (min-width: 800px){.mobile{display:none}}</style><p>Encryption is <span class="mobile">not</span> enabled by default.</p>`,
    ],
    [
      "a closed <details>",
      `<p>Encryption is enabled by default.</p><details><summary>More</summary>Encryption is not enabled by default.</details>`,
    ],
  ] as const;
  for (const [how, html] of hidden) {
    it(`is not on the page: ${how}`, async () => {
      expect(await pagesOf("Encryption is not enabled by default", html)).toBeNull();
      expect(await pagesOf("Encryption is enabled by default", html)).toEqual([1]);
    });
  }

  it("is on the page again where a child sets visibility back", async () => {
    const html = `<p style="visibility:hidden">Old terms <span style="visibility:visible">Encryption is on by default.</span></p>`;
    expect(await pagesOf("Encryption is on by default", html)).toEqual([1]);
    expect(await pagesOf("Old terms", html)).toBeNull();
  });
});

describe("markup a browser reads otherwise than a simple parser", () => {
  const shown = [
    [
      "--!> ends a comment",
      `<p>The vendor shall <!-- old --!> not <!-- new --> be liable for data loss.</p>`,
    ],
    [
      "a nested <a> closes the hidden one",
      `<p>The vendor shall <a style="display:none">x<a>not</a></a> be liable for data loss.</p>`,
    ],
  ] as const;
  for (const [how, html] of shown) {
    it(`shows what the browser shows: ${how}`, async () => {
      expect(await pagesOf("The vendor shall be liable for data loss", html)).toBeNull();
      expect(await pagesOf("The vendor shall not be liable for data loss", html)).toEqual([1]);
    });
  }

  it("reads text a table holds outside its cells where the browser puts it, before the table", async () => {
    const html = `<p>The vendor shall</p><table style="display:none">not<tr><td>x</td></tr></table><p>be liable for data loss.</p>`;
    expect(await pagesOf("The vendor shall be liable for data loss", html)).toBeNull();
  });
});

describe("what the browser shows", () => {
  it("keeps footnote marks, exponents and struck-out text as the parser did", async () => {
    const html =
      "<p>The reform was justified<sup class=reference><a href=#n21>[21]</a></sup> by the audit; storage grew by 10<sup>2</sup> times; it is <del>not</del> FIPS validated.</p>";
    expect(await pagesOf("The reform was justified by the audit", html)).toEqual([1]);
    expect(await pagesOf("The reform was justified[21] by the audit", html)).toEqual([1]);
    expect(await pagesOf("storage grew by 10² times", html)).toEqual([1]);
    expect(await pagesOf("storage grew by 102 times", html)).toBeNull();
    expect(await pagesOf("it is FIPS validated", html)).toBeNull();
    expect(await pagesOf("it is not FIPS validated", html)).toBeNull();
  });

  it("reads each block on a line of its own and table cells side by side", async () => {
    const parsed = await read(
      "<h1>Plans</h1><p>First paragraph.</p><table><tr><td>Basic</td><td>$10</td></tr></table>",
    );
    expect(parsed).toMatchObject({ ok: true, pages: ["Plans\nFirst paragraph.\nBasic $10"] });
  });

  it("never runs the page's scripts nor fetches what it links to", async () => {
    const html =
      '<p id=p>Encryption is enabled by default.</p><script>document.getElementById("p").textContent = "Encryption is not enabled by default."</script><img src="http://127.0.0.1:9/tracker.png"><link rel=stylesheet href="http://127.0.0.1:9/x.css">';
    expect(await pagesOf("Encryption is enabled by default", html)).toEqual([1]);
  });

  it("refuses a page nested a million deep at once, by the parser's depth limit, before laying it out", async () => {
    const deep = `<p>start</p>${"<div>".repeat(1_000_000)}deep${"</div>".repeat(1_000_000)}`;
    expect(await read(deep)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/nest more than 1,000 deep/),
    });
  });

  it("says when a page shows no text", async () => {
    expect(await read("<p style='display:none'>Nothing to see.</p>")).toMatchObject({
      ok: false,
      reason: "the HTML page has no visible text",
    });
  });
});
