// End to end: `collateral build` run as a user runs it, in a throw-away copy of the CISSO workspace; PDFs read back with poppler.
import { createHash } from "node:crypto";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CollateralModel, ReportSchema } from "../../src/model/index.js";
import { pdfFonts, pdfInfo, pdfLinks, pdfText } from "../export/pdf-read.js";
import { readPptx } from "../export/pptx-read.js";
import { type CliRun, copyWorkspace, runCli } from "../helpers/workspace.js";

const PIECES = ["brochure", "one-pager", "deck"] as const;
const CITED_URLS = [
  "https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf",
  "https://www.isc2.org/certifications/cissp/cissp-certification-exam-outline",
  "https://niccs.cisa.gov/training/catalog/mile2/cisso-certified-information-systems-security-officer",
];
/** A build prints three pieces with real Chromium on a shared 2-core machine: give it room. */
const BUILD_TIMEOUT = 180_000;

let root: string;
let out: string;
let markdown: string;
let original: string;
let model: CollateralModel;

/** Text compared without white space or hyphens: line breaks (and breaks at a hyphen) vary, words do not. */
const words = (text: string) => text.replace(/[\s\u00ad\-‐]/g, "");

/** Size, mtime and hash of every file under output/, to tell what a run rewrote. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const names = await readdir(dir, { recursive: true });
  const files = new Map<string, string>();
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    const info = await stat(file);
    if (!info.isFile()) continue;
    const hash = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
    files.set(name, `${info.size}:${info.mtimeMs}:${hash}`);
  }
  return files;
}

/** "595 x 842" from pdfinfo's "594.96 x 841.92 pts (A4)". */
async function pageSize(file: string): Promise<string> {
  const size = (await pdfInfo(file))["Page size"] ?? "";
  const [w = NaN, h = NaN] = size.split(/\s*x\s*|\s+pts/).map(Number);
  return `${Math.round(w)} x ${Math.round(h)}`;
}

const pdf = (piece: string) => path.join(out, `${piece}.pdf`);

beforeAll(async () => {
  root = await copyWorkspace();
  out = path.join(root, "output");
  markdown = path.join(root, "sources/cisso-vs-cissp.md");
  original = await readFile(markdown, "utf8");
}, BUILD_TIMEOUT);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("collateral build on the CISSO workspace", () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli(["build"], root);
    model = JSON.parse(await readFile(path.join(out, "claims.json"), "utf8"));
  }, BUILD_TIMEOUT);

  it("exits 0 and writes each PDF, the HTML it was printed from, and claims.json", async () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const names = await readdir(out);
    for (const piece of PIECES) expect(names).toEqual(expect.arrayContaining([`${piece}.pdf`]));
    for (const piece of PIECES) expect(names).toContain(`${piece}.html`);
    expect(names).toContain("claims.json");
    expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
    for (const piece of PIECES) expect(run.stderr).toContain(`output/${piece}.pdf`);
  });

  it("prints the one-pager on one page and the deck on 16:9 slides of 960 × 540 pt", async () => {
    expect((await pdfInfo(pdf("one-pager"))).Pages).toBe("1");
    expect(await pageSize(pdf("one-pager"))).toBe("612 x 792");
    expect(Number((await pdfInfo(pdf("deck"))).Pages)).toBeGreaterThan(1);
    expect(await pageSize(pdf("deck"))).toBe("960 x 540");
    expect(await pageSize(pdf("brochure"))).toBe("612 x 792");
  });

  it("carries every claim heading, every quote and every reference title into the brochure", async () => {
    const text = words(await pdfText(pdf("brochure")));
    expect(model.claims).toHaveLength(6);
    for (const claim of model.claims) expect(text).toContain(words(claim.title));
    expect(model.report.quotes).toHaveLength(3);
    for (const quote of model.report.quotes) expect(text).toContain(words(quote.text));
    expect(model.sources).toHaveLength(3);
    for (const source of model.sources) expect(text).toContain(words(source.title));
  });

  it("gives every claim its slide in the deck", async () => {
    const text = words(await pdfText(pdf("deck")));
    for (const claim of model.claims) expect(text).toContain(words(claim.title));
  });

  it("prints an ampersand as & and never as an HTML entity such as &amp;", async () => {
    for (const piece of PIECES) {
      const text = await pdfText(pdf(piece));
      expect(text, piece).not.toMatch(/&amp;|&#\d+;|&quot;|&lt;|&gt;/);
    }
    expect(words(await pdfText(pdf("brochure")))).toContain(
      words("Flexible Exam Options & Learning Path"),
    );
  });

  it("links every piece to the three cited URLs and nowhere else", async () => {
    for (const piece of PIECES) {
      const links = new Set(await pdfLinks(await readFile(pdf(piece))));
      expect([...links].sort(), piece).toEqual([...CITED_URLS].sort());
    }
  });

  it("embeds every font it uses", async () => {
    for (const piece of PIECES) {
      const fonts = await pdfFonts(pdf(piece));
      expect(fonts.length, piece).toBeGreaterThan(0);
      expect(
        fonts.filter((f) => !f.embedded),
        piece,
      ).toEqual([]);
    }
  });

  it("writes claims.json whose report is the contract's, every quote verified on its pages", () => {
    const report = ReportSchema.parse(model.report);
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ quotes: 3, verified: 3, failed: 0, uncited: 0 });
    for (const q of report.quotes) {
      expect(q.status).toBe("verified");
      expect(q.position.file).toBe("sources/cisso-vs-cissp.md");
      expect(q.position.line).toBeGreaterThan(0);
    }
    const byCited = new Map(report.quotes.map((q) => [q.cited, q]));
    expect(byCited.get("cisso-blueprint")?.pages).toEqual([2]);
    // An HTML source has no pages.
    expect(byCited.get("niccs-cisso")?.pages).toEqual([]);
  });
});

describe("collateral build when one word of a quote no longer matches its source", () => {
  let before: Map<string, string>;
  let run: CliRun;
  beforeAll(async () => {
    before = await snapshot(out);
    await writeFile(
      markdown,
      original.replace("no minimum requirements", "no maximum requirements"),
    );
    run = await runCli(["build"], root);
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await writeFile(markdown, original);
  });

  it("exits 1 and names the quote's file:line:col and status on stderr", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /sources\/cisso-vs-cissp\.md:66:12: not-found: “there are no maximum/,
    );
    expect(run.stderr).toMatch(/nothing was overwritten/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it("leaves every file in output/ byte for byte as the last good build wrote it", async () => {
    expect(await snapshot(out)).toEqual(before);
  });

  describe("with --draft", () => {
    let draft: CliRun;
    beforeAll(async () => {
      draft = await runCli(["build", "--draft"], root);
    }, BUILD_TIMEOUT);

    it("writes the PDFs, yet exits 1 so that CI never takes a draft for a release", async () => {
      expect(draft.code).toBe(1);
      const now = await snapshot(out);
      for (const piece of PIECES)
        expect(now.get(`${piece}.pdf`)).not.toBe(before.get(`${piece}.pdf`));
      expect(draft.stderr).toMatch(/sources\/cisso-vs-cissp\.md:66:12: UNVERIFIED \(not-found\)/);
    });

    it("marks deck.pptx a draft on its masters and names the failing quote in its notes", async () => {
      const deck = await readPptx(path.join(out, "deck.pptx"));
      expect([...deck.masters, ...deck.layouts].join("")).toContain("DRAFT — NOT FOR DISTRIBUTION");
      const slide = deck.slides.find((s) => s.paragraphs.includes("Accessible Entry Point"));
      expect(slide?.notes.join("\n")).toMatch(/UNVERIFIED — not-found: “there are no maximum/);
    });

    it("stamps the failing quote UNVERIFIED with its status in the brochure", async () => {
      const text = await pdfText(pdf("brochure"));
      expect(text).toMatch(/UNVERIFIED\s*—\s*not-found/i);
      expect(words(text)).toContain(words("there are no maximum requirements"));
      const report = JSON.parse(await readFile(path.join(out, "claims.json"), "utf8")).report;
      expect(report.ok).toBe(false);
    });
  });
});

describe("collateral build --only one-pager --audience federal --prospect", () => {
  let before: Map<string, string>;
  let run: CliRun;
  beforeAll(async () => {
    before = await snapshot(out);
    run = await runCli(
      ["build", "--only", "one-pager", "--audience", "federal", "--prospect", "Acme Federal"],
      root,
    );
  }, BUILD_TIMEOUT);

  const tailored = () => path.join(out, "for-federal-Acme-Federal/one-pager.pdf");

  it("exits 0 and writes the tailored one-pager in its own folder, never over the generic pieces", async () => {
    expect(run.code).toBe(0);
    const now = await snapshot(out);
    for (const [name, stamp] of before) expect(now.get(name), name).toBe(stamp);
    expect(now.get(path.join("for-federal-Acme-Federal", "one-pager.pdf"))).toBeDefined();
    expect(now.get(path.join("for-federal-Acme-Federal", "deck.pdf"))).toBeUndefined();
    expect(run.stderr).toContain("output/for-federal-Acme-Federal/one-pager.pdf");
    expect(run.stderr).not.toContain("brochure.pdf");
  });

  it("is prepared for the prospect and shows only the audience's claims, on one page", async () => {
    const text = await pdfText(tailored());
    expect(text).toMatch(/prepared for\s+Acme Federal/i);
    const federal = model.meta.audiences.find((a) => a.id === "federal");
    expect(federal?.claims).toHaveLength(3);
    const titles = new Map(model.claims.map((c) => [c.id, words(c.title)]));
    for (const id of federal?.claims ?? []) expect(words(text)).toContain(titles.get(id));
    for (const [id, title] of titles)
      if (!federal?.claims.includes(id)) expect(words(text), id).not.toContain(title);
    expect((await pdfInfo(tailored())).Pages).toBe("1");
  });
});

describe("collateral build --paper a4 --png", () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli(["build", "--paper", "a4", "--png"], root);
  }, BUILD_TIMEOUT);

  it("prints the brochure and the one-pager on A4 (595 × 842 pt); the deck stays 16:9", async () => {
    expect(run.code).toBe(0);
    expect(await pageSize(pdf("brochure"))).toBe("595 x 842");
    expect(await pageSize(pdf("one-pager"))).toBe("595 x 842");
    expect((await pdfInfo(pdf("one-pager"))).Pages).toBe("1");
    expect(await pageSize(pdf("deck"))).toBe("960 x 540");
  });

  it("writes a PNG preview of each piece", async () => {
    for (const piece of PIECES) {
      const png = await readFile(path.join(out, `${piece}.png`));
      expect(png.subarray(1, 4).toString(), piece).toBe("PNG");
    }
  });
});

describe("collateral build refuses bad input with exit 2 and leaves output/ alone", () => {
  let before: Map<string, string>;
  beforeAll(async () => {
    before = await snapshot(out);
  });

  afterAll(async () => {
    await writeFile(markdown, original);
  });

  it("an unknown piece in --only", async () => {
    const run = await runCli(["build", "--only", "brochure,x"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--only must be one of brochure, one-pager, deck \(got "x"\)/);
    expect(await snapshot(out)).toEqual(before);
  });

  it("an unknown paper size, and the process ends (no Chromium left starting)", async () => {
    const run = await runCli(["build", "--paper", "a5"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--paper must be one of letter, a4 \(got "a5"\)/);
    expect(await snapshot(out)).toEqual(before);
  }, 30_000);

  it("an unknown audience, listing the known ones", async () => {
    const run = await runCli(["build", "--only", "one-pager", "--audience", "nope"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown audience "nope".*federal/);
    expect(await snapshot(out)).toEqual(before);
  });

  it("broken YAML front matter, at its file:line:col", async () => {
    const broken = original.replace(
      "tagline: Where CISSP defines knowledge, CISSO proves capability.",
      "tagline: [Where CISSP defines knowledge",
    );
    expect(broken).not.toBe(original);
    await writeFile(markdown, broken);
    const run = await runCli(["build"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: sources\/cisso-vs-cissp\.md:\d+:\d+: invalid YAML/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(await snapshot(out)).toEqual(before);
  });
});

describe("collateral build without Chromium", () => {
  it("says how to get Chromium, exits non-zero, prints no stack trace and writes nothing", async () => {
    const before = await snapshot(out);
    const run = await runCli(["build"], root, { PUPPETEER_EXECUTABLE_PATH: "/nonexistent" });
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBe(3);
    expect(run.stderr).toMatch(/^error: .*\/nonexistent/m);
    expect(run.stderr).toContain("apt-get install -y chromium");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(await snapshot(out)).toEqual(before);
  });
});
