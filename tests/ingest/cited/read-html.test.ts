import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readHtmlText } from "../../../src/ingest/cited/index.js";

const FIXTURE = path.resolve("tests/fixtures/ingest/cited/visible-text.html");

function text(html: string): string {
  const result = readHtmlText(html);
  if (!result.ok) throw new Error(result.reason);
  return result.pages[0];
}

describe("readHtmlText", () => {
  it("returns the visible text of a saved page, one line per block, as a single page", async () => {
    const result = readHtmlText(await readFile(FIXTURE, "utf8"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0].split("\n")).toEqual([
      "Home | Catalog",
      "Course\u00A0title",
      "The course is validated by the NSA for: CNSSI-4012\u00A0(Senior System Manager) & more.",
      "Mile2’s exam—online <or> proctored.",
      "Second line after a break.",
      "Shown though aria-hidden",
      "Summary shows",
      "Open summary",
      "Open details body",
      "First item",
      "Second item",
      "Name Weight",
      "Risk 9%",
      "pre line one",
      "pre line two",
      "softhyphen and zerowidth",
      "Footer text",
    ]);
  });

  it("never shows head, scripts, styles, templates, noscript, svg or hidden elements", async () => {
    const page = text(await readFile(FIXTURE, "utf8"));
    expect(page).not.toMatch(/SECRET/);
  });

  it("decodes named and numeric entities, and keeps no-break spaces (they join a number to its unit)", () => {
    expect(text("<p>A&amp;B&nbsp;C &#8217; &#x2014; &eacute; &lt;tag&gt;</p>")).toBe(
      "A&B\u00A0C ’ — é <tag>",
    );
  });

  it("joins inline elements into one line and splits block elements and <br> into lines", () => {
    expect(
      text("<div>one <span>two</span><b>three</b></div><p>four<br/>five</p><li>six</li>"),
    ).toBe("one twothree\nfour\nfive\nsix");
  });

  it("collapses runs of white space, including newlines and tabs, within a line", () => {
    expect(text("<p>  a \n\t b   c  </p>")).toBe("a b c");
  });

  it("hides an element styled display:none or visibility:hidden, whatever the spacing and case", () => {
    const html =
      '<p>shown</p><p style="DISPLAY: None">x</p><p style="color:red;visibility : hidden">y</p>' +
      '<p style="display:block">also shown</p>';
    expect(text(html)).toBe("shown\nalso shown");
  });

  it("hides the whole subtree of a hidden element, however deep", () => {
    expect(text("<div hidden><section><p><b>deep</b></p></section></div><p>after</p>")).toBe(
      "after",
    );
  });

  it("keeps reading after a hidden element closes by an implied end tag", () => {
    expect(text("<ul><li hidden>gone<li>kept</ul><p>end</p>")).toBe("kept\nend");
  });

  it("keeps aria-hidden text: it is hidden from screen readers, not from the reader", () => {
    // Dropping it would join the words around it: "It is certified" out of "It is not certified".
    expect(text('<p>It is <span aria-hidden="true">not</span> certified</p>')).toBe(
      "It is not certified",
    );
  });

  it("marks raised and lowered text as the PDF text layer does, so 10<sup>2</sup> never reads 102", () => {
    expect(text("<p>10<sup>2</sup> users, H<sub>2</sub>O, secure<sup>1</sup> by design</p>")).toBe(
      "10^2 users, H^2 O, secure ^1 by design",
    );
    // A raised mark with no letter or digit is left alone; an ordinal reads as one word; a raised TM goes like ™.
    expect(text("<p>Mile2<sup>®</sup> courses</p>")).toBe("Mile2® courses");
    expect(text("<p>our 2<sup>nd</sup> year with CISSO<sup>TM</sup> today</p>")).toBe(
      "our 2nd year with CISSO today",
    );
    expect(text("<p>40 m<sup>2</sup> of CO<sub>2</sub></p>")).toBe("40 m^2 of CO^2");
  });

  it("does not mistake markup inside a script string for content", () => {
    expect(text('<p>a</p><script>document.write("</p><p>b")</script><p>c</p>')).toBe("a\nc");
  });

  it("reports a page without visible text as unreadable, with the reason", () => {
    expect(
      readHtmlText("<html><head><title>t</title></head><body><script>x()</script></body></html>"),
    ).toEqual({
      ok: false,
      reason: "the HTML page has no visible text",
    });
    expect(readHtmlText("").ok).toBe(false);
  });
});
