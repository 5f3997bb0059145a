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
});

describe("formatDate", () => {
  it("spells out ISO dates and leaves anything else as written", () => {
    expect(formatDate("2026-11-24")).toBe("November 24, 2026");
    expect(formatDate("Spring 2026")).toBe("Spring 2026");
    expect(formatDate(undefined)).toBe("");
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
