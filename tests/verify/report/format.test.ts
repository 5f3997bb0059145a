import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../../src/model/index.js";
import {
  escapeData,
  escapeProperty,
  formatPages,
  formatReport,
} from "../../../src/verify/report/index.js";
import { passing, report } from "./sample.js";

const options = { color: false, root: "/work/ws" };

describe("formatReport json", () => {
  const text = formatReport(report, "json", options);

  it("is the contract's shape, pretty-printed, with a trailing newline", () => {
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(["ok", "quotes", "links", "summary"]);
    expect(ReportSchema.parse(parsed)).toEqual(report);
    expect(parsed.summary).toEqual({
      quotes: 6,
      verified: 2,
      failed: 3,
      uncited: 1,
      links: 5,
      broken: 2,
    });
    expect(parsed.ok).toBe(false);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "quotes": [');
  });
});

describe("formatReport text", () => {
  const text = formatReport(report, "text", options);

  it("groups quotes under their claim, in order", () => {
    const headings = text.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual(["## accessible-entry-point", "## exam-format", "## pricing"]);
    const exam = text.slice(text.indexOf("## exam-format"), text.indexOf("## pricing"));
    expect(exam).toContain("100 questions");
    expect(exam).not.toContain("costs less");
  });

  it("gives each quote its file:line:col, mark and pages", () => {
    expect(text).toMatch(/✔ sources\/cisso\.md:14:37 .*verified · cisso-blueprint · p\. 2/);
    expect(text).toContain("pp. 2–3");
    expect(text).toMatch(/✖ sources\/cisso\.md:22:3/);
    expect(text).toMatch(/⚠ sources\/cisso\.md:30:5/);
  });

  it("shows why a quote failed and what the source says instead", () => {
    expect(text).toContain("not found in cisso-blueprint: closest passage differs: 100 → 120");
    expect(text).toContain("closest passage (p. 4): “120 questions, multiple choice in 2 hours”");
    expect(text).toContain("not in cisso-blueprint, but found in niccs-cisso");
  });

  it("lists links with status, HTTP status, final URL, reason and where each is cited", () => {
    expect(text).toContain("↪ redirected [200] http://niccs.example/cisso");
    expect(text).toContain("→ https://niccs.example/cisso/");
    expect(text).toContain("✖ broken [404] https://gone.example/a,b:c");
    expect(text).toContain("cited at sources/cisso.md:50:2, sources/other.md:7:9");
  });

  it("ends with the summary line", () => {
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      "6 quotes: 2 verified, 3 failed, 1 uncited · 5 links: 2 ok, 2 broken, 1 skipped",
    );
    expect(formatReport(passing, "text", options).trimEnd().split("\n").at(-1)).toBe(
      "2 quotes: 2 verified, 0 failed, 0 uncited · 2 links: 2 ok, 0 broken",
    );
  });

  it("has no colour codes when color is false, and has them when true", () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    expect(text).not.toMatch(/\u001b\[/);
    expect(formatReport(report, "text", { ...options, color: true })).toContain(
      "\u001b[31m✖\u001b[0m",
    );
  });
});

describe("formatReport junit", () => {
  const xml = formatReport(report, "junit", options);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (n) => n === "testcase" || n === "testsuite",
  });
  type Case = Record<string, unknown> & { "@classname": string; "@name": string };
  type Suite = {
    "@name": string;
    "@tests": string;
    "@failures": string;
    "@skipped": string;
    testcase: Case[];
  };
  const doc = parser.parse(xml) as { testsuites: Suite & { testsuite: Suite[] } };

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it("counts tests, failures and skipped per suite and overall", () => {
    const [quotesSuite, linksSuite] = doc.testsuites.testsuite;
    expect(quotesSuite).toMatchObject({
      "@name": "quotes",
      "@tests": "6",
      "@failures": "3",
      "@skipped": "0",
    });
    expect(linksSuite).toMatchObject({
      "@name": "links",
      "@tests": "5",
      "@failures": "2",
      "@skipped": "1",
    });
    expect(doc.testsuites).toMatchObject({ "@tests": "11", "@failures": "5", "@skipped": "1" });
  });

  it("has a testcase per quote with the claim as classname and a typed failure", () => {
    const cases = doc.testsuites.testsuite[0]!.testcase;
    expect(cases.map((c) => c["@classname"])).toEqual([
      "accessible-entry-point",
      "accessible-entry-point",
      "exam-format",
      "exam-format",
      "pricing",
      "pricing",
    ]);
    const failure = cases[2]!.failure as { "@type": string; "@message": string; "#text": string };
    expect(failure["@type"]).toBe("not-found");
    expect(failure["@message"]).toContain("closest passage differs");
    expect(cases[2]!["@name"]).toBe('“100 questions: <multiple> & "choice"”');
    expect(cases[4]!.failure).toBeUndefined();
    expect(String(cases[4]!["system-out"])).toMatch(/^warning: /);
  });

  it("marks a skipped link skipped and a broken one failed", () => {
    const cases = doc.testsuites.testsuite[1]!.testcase;
    expect(cases[4]).toHaveProperty("skipped");
    expect((cases[2]!.failure as { "@type": string })["@type"]).toBe("broken");
  });

  it("strips characters XML 1.0 cannot carry", () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the test
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain("controlchar in quote");
  });
});

describe("formatReport github", () => {
  const out = formatReport(report, "github", options);
  const lines = out.trimEnd().split("\n");
  const commands = lines.filter((l) => l.startsWith("::"));
  const syntax =
    /^::(error|warning)( (file|line|col|title)=[^,:\r\n]*(,(file|line|col|title)=[^,:\r\n]*)*)?::[^\r\n]*$/;

  it("writes well-formed workflow commands", () => {
    for (const line of commands) expect(line).toMatch(syntax);
  });

  it("annotates failing quotes as errors and uncited ones as warnings, at their position", () => {
    expect(commands).toContain(
      commands.find((l) =>
        l.startsWith("::error file=sources/cisso.md,line=22,col=3,title=Quote not found::"),
      ),
    );
    expect(commands.filter((l) => l.startsWith("::warning "))).toHaveLength(1);
    expect(commands.some((l) => l.includes("line=14,col=37"))).toBe(false);
  });

  it("annotates a failing link at every place that cites it", () => {
    const broken = commands.filter((l) => l.includes("title=Link broken"));
    expect(broken.map((l) => /file=([^,]*),line=(\d+)/.exec(l)?.slice(1).join(":"))).toEqual([
      "sources/cisso.md:50",
      "sources/other.md:7",
    ]);
    expect(commands.filter((l) => l.includes("title=Link timed out"))).toHaveLength(1);
  });

  it("escapes %, newlines, and in properties : and ,", () => {
    expect(escapeData("50% a\r\nb")).toBe("50%25 a%0D%0Ab");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
    const mis = commands.find((l) => l.includes("Quote misattributed"))!;
    expect(mis).toContain("held in 50%25 of centres");
    const notFound = commands.find((l) => l.includes("Quote not found"))!;
    expect(notFound).toContain("100 → 120%0AClosest passage (p. 4)");
    const withColon = formatReport(
      {
        ...report,
        quotes: [
          { ...report.quotes[2]!, position: { file: "sources/a:b,c.md", line: 1, column: 1 } },
        ],
      },
      "github",
      options,
    );
    expect(withColon).toContain("file=sources/a%3Ab%2Cc.md,line=1");
  });

  it("ends with a plain summary line", () => {
    expect(lines.at(-1)).toMatch(/^6 quotes: /);
  });
});

describe("formatPages", () => {
  it.each([
    [[], ""],
    [[2], "p. 2"],
    [[2, 3], "pp. 2–3"],
    [[2, 5], "pp. 2, 5"],
  ])("%j → %s", (pages, expected) => {
    expect(formatPages(pages)).toBe(expected);
  });
});
