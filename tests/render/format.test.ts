// Pure formatters and escaping used by the render stage.
import { describe, expect, it } from "vitest";
import { collapseSpace, cssString, escapeHtml, safeUrl } from "../../src/render/escape.js";
import { formatDate, pageRef, twoDigits } from "../../src/render/format.js";

describe("pageRef", () => {
  it("writes one page as p. and several as pp. with en-dash ranges", () => {
    expect(pageRef([2])).toBe("p. 2");
    expect(pageRef([2, 3])).toBe("pp. 2–3");
    expect(pageRef([3, 2, 2])).toBe("pp. 2–3");
    expect(pageRef([2, 3, 4, 7])).toBe("pp. 2–4, 7");
    expect(pageRef([5, 1])).toBe("pp. 1, 5");
  });

  it("writes nothing for no pages (HTML sources)", () => {
    expect(pageRef([])).toBe("");
    expect(pageRef([0, -1])).toBe("");
  });

  it("uses the document's words for page and pages", () => {
    expect(pageRef([2], { page: "S.", pages: "S." })).toBe("S. 2");
    expect(pageRef([2, 3], { page: "S.", pages: "S." })).toBe("S. 2–3");
  });
});

describe("formatDate", () => {
  it("spells out ISO dates and leaves anything else as written", () => {
    expect(formatDate("2026-11-24")).toBe("November 24, 2026");
    expect(formatDate("Spring 2026")).toBe("Spring 2026");
    expect(formatDate(undefined)).toBe("");
  });

  it("writes dates as the document's language does", () => {
    expect(formatDate("2026-12-06", "de")).toBe("6. Dezember 2026");
    expect(formatDate("2026-12-06", "ja")).toBe("2026年12月6日");
    expect(formatDate("2026-12-06", "fr")).toBe("6 décembre 2026");
    expect(formatDate("2026-12-06", "en-GB")).toBe("6 December 2026");
    expect(formatDate("2026-12-06", "en")).toBe("December 6, 2026");
  });

  it("keeps a day that is not in the calendar as written", () => {
    expect(formatDate("2026-02-30", "de")).toBe("2026-02-30");
  });

  it("pads section numbers", () => {
    expect(twoDigits(3)).toBe("03");
    expect(twoDigits(12)).toBe("12");
  });
});

describe("escaping", () => {
  it("escapes every HTML-significant character", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y' = \``)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#61; &#96;",
    );
  });

  it("links only http, https and mailto URLs", () => {
    expect(safeUrl("https://example.com/a b")).toBe("https://example.com/a%20b");
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("file:///etc/passwd")).toBeNull();
    expect(safeUrl("not a url")).toBeNull();
  });

  it("makes CSS strings that cannot close the string or the style element", () => {
    const css = cssString(`A "title": </style><script>`);
    expect(css).not.toMatch(/<|>|"[^"]*"[^"]*"/);
    expect(css.startsWith('"') && css.endsWith('"')).toBe(true);
    expect(css).toContain("\\3a ");
  });

  it("collapses soft line breaks", () => {
    expect(collapseSpace("a\nb  c")).toBe("a b c");
  });
});
