// End to end: `collateral build` writes deck.pptx beside deck.pdf; read back as XML, slide for slide with the PDF.
import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliRun, copyWorkspace, REPO, runCli } from "../helpers/workspace.js";
import { pdfInfo, pdfText } from "./pdf-read.js";
import { type PptxRead, paragraphsOf, readPptx, type SlideRead } from "./pptx-read.js";

const BUILD_TIMEOUT = 180_000;
const BLUEPRINT = "https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf";
/** The workspace's own theme: colours and fonts the deck's masters must carry. */
const NAVY = "123B5C";
const TEAL = "0B7A5A";

let root: string;
let run: CliRun;
let deck: PptxRead;

const slideTitled = (title: string) => {
  const slide = deck.slides.find((s) => s.paragraphs.includes(title));
  if (!slide) throw new Error(`no slide titled ${title}`);
  return slide;
};

/** The paragraphs of the slide's bulleted text box: its points. */
const pointsOf = (slide: SlideRead) =>
  [...slide.xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)]
    .filter((sp) => sp[0].includes("<a:buChar "))
    .flatMap((sp) => paragraphsOf(sp[0]));

beforeAll(async () => {
  root = await copyWorkspace({ templates: true });
  await copyFile(
    path.join(REPO, "tests/fixtures/pptx/steered.md"),
    path.join(root, "sources/zz-steered.md"),
  );
  const theme = path.join(root, "templates/theme/theme.css");
  await writeFile(
    theme,
    (await readFile(theme, "utf8"))
      .replace(/--navy: #[0-9a-f]+;/, `--navy: #${NAVY.toLowerCase()};`)
      .replace(/--teal: #[0-9a-f]+;/, `--teal: #${TEAL.toLowerCase()};`)
      .replace(/--font-sans: [^;]+;/, '--font-sans: "Source Sans 3", Arial, sans-serif;'),
  );
  await writeFile(
    path.join(root, "templates/theme/logo.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 30" width="120" height="30"><circle cx="15" cy="15" r="12" fill="#e8a92e"/><rect x="34" y="8" width="80" height="14" fill="#fff"/></svg>',
  );
  // Code spans in the call to action and a comparison cell: set as code, never with backticks.
  const source = path.join(root, "sources/cisso-vs-cissp.md");
  await writeFile(
    source,
    (await readFile(source, "utf8"))
      .replace("self-paced preparation", "`self-paced` preparation")
      .replace("Online via the Mile2 platform", "Online via the `mile2` platform"),
  );
  run = await runCli(["build", "--only", "deck", "--notes"], root);
  deck = await readPptx(path.join(root, "output/deck.pptx"));
}, BUILD_TIMEOUT);

describe("collateral build --only deck --notes", () => {
  it("writes deck.pdf and deck.pptx, and says both", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("output/deck.pdf");
    expect(run.stderr).toMatch(/output\/deck\.pptx \d+ slide\(s\)/);
  });

  it("has as many slides as the PDF has pages, each claim's title on its slide in the PDF's order", async () => {
    const pages = Number((await pdfInfo(path.join(root, "output/deck.pdf"))).Pages);
    expect(deck.slides).toHaveLength(pages);
    const model = JSON.parse(await readFile(path.join(root, "output/claims.json"), "utf8"));
    const titles: string[] = model.claims.map((c: { title: string }) => c.title);
    titles.forEach((title, i) => {
      expect(deck.slides[i + 1]!.paragraphs, title).toContain(title);
    });
  });

  it("sets every point of a slide in one native text box, as the PDF shows them", async () => {
    const pdf = (await pdfText(path.join(root, "output/deck.pdf"))).replace(/\s+/g, " ");
    const slide = slideTitled("Steered by a List");
    const points = [
      "No minimum work experience to sit the exam",
      "Online or proctored exam delivery",
      "A shorter path to security leadership",
    ];
    for (const point of points) {
      expect(slide.paragraphs).toContain(point);
      expect(pdf).toContain(point);
    }
    const box = [...slide.xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].filter((sp) =>
      points.some((p) => sp[0].includes(p)),
    );
    expect(box).toHaveLength(1);
    expect(box[0]![0].match(/<a:buChar /g)).toHaveLength(3);
  });

  it("shows what a Slide: block says, and never the heading or the sentence the author left in the body", () => {
    const slide = slideTitled("Steered by a Slide Block");
    expect(pointsOf(slide)).toEqual([
      "Leadership sooner, on the blueprint's terms",
      "Eligibility checked against the blueprint itself",
    ]);
    expect(pointsOf(slideTitled("Steered by a List"))).toEqual([
      "No minimum work experience to sit the exam",
      "Online or proctored exam delivery",
      "A shorter path to security leadership",
    ]);
    const all = slide.paragraphs.join("\n");
    expect(all).not.toContain("A subheading that is not a point");
    expect(all).not.toContain("retention");
  });

  it("chooses whole sentences by the rules: no heading, no lead-in to a quote, no sentence cut at a comma", () => {
    const slide = slideTitled("Chosen by the Rules");
    const all = slide.paragraphs.join("\n");
    expect(slide.paragraphs).toContain(
      "The CISSO sets no work experience requirement for eligibility.",
    );
    expect(all).not.toContain("A subheading that is not a point");
    expect(all).not.toContain("The blueprint is blunt");
    expect(all).not.toMatch(/^Managers typically keep the same retention/m);
    if (all.includes("retention"))
      expect(all).toContain("For teams that run security across several regions");
  });

  it("gives the author's Notes: as speaker notes, with each citation's title, publisher, page and URL", () => {
    const listed = slideTitled("Steered by a List").notes.join("\n");
    expect(listed).toContain("Open with the eligibility question");
    expect(listed).toContain(`CISSO Exam Blueprint Outline, Mile2, p. 2 — ${BLUEPRINT}`);
    expect(slideTitled("Steered by a List").notes[0]).toBe(
      "Open with the eligibility question; most candidates assume five years of experience are needed.",
    );
    const steered = slideTitled("Steered by a Slide Block").notes.join("\n");
    expect(steered).toMatch(
      /^• Ask who in the room manages an audit\.\n• Point to page 2 of the blueprint\.\n/,
    );
    expect(steered).toContain("• Ask who in the room manages an audit.");
    expect(steered).toContain("• Point to page 2 of the blueprint.");
    // Without Notes:, the claim's own text is what the presenter has, and its sources.
    const cisso = slideTitled("Accessible Entry Point").notes.join("\n");
    expect(cisso).toContain("The CISSO has no prerequisite work experience requirement");
    expect(cisso).toContain(`CISSO Exam Blueprint Outline, Mile2, p. 2 — ${BLUEPRINT}`);
  });

  it("sets the quote with its source line, and the comparison as a native table", () => {
    const slide = slideTitled("Accessible Entry Point");
    expect(slide.paragraphs.join("\n")).toMatch(/^“there are no minimum requirements/m);
    expect(slide.paragraphs).toContain("— CISSO Exam Blueprint Outline, Mile2, p. 2");
    const compare = slideTitled("CISSO vs CISSP");
    expect(compare.xml).toContain("<a:tbl>");
    const rows = [...compare.xml.matchAll(/<a:tr /g)];
    expect(rows.length).toBe(6);
    expect(compare.paragraphs).toContain("Work experience required");
    expect(compare.paragraphs).toContain("No minimum work experience requirement");
  });

  it("holds no picture of text: the theme's SVG logo, drawn as PNG, on the cover and closing slides only", () => {
    const pictures = deck.slides.map((s) => (s.xml.match(/<p:pic>/g) ?? []).length);
    expect(pictures).toEqual(
      deck.slides.map((_, i) => (i === 0 || i === deck.slides.length - 1 ? 1 : 0)),
    );
    expect(deck.media.every((m) => m.endsWith(".png"))).toBe(true);
    expect(deck.slides[0]!.xml).toMatch(/<p:cNvPr [^>]*descr="Mile2"/);
    for (const slide of deck.slides) expect(slide.paragraphs.length).toBeGreaterThan(0);
  });

  it("writes valid paragraphs: one paragraph-properties element, first, in each", () => {
    for (const slide of deck.slides)
      for (const p of slide.xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const props = p[1]!.match(/<a:pPr\b/g) ?? [];
        expect(props.length).toBeLessThanOrEqual(1);
        if (props.length) expect(p[1]!.startsWith("<a:pPr")).toBe(true);
      }
  });

  it("builds its masters from the workspace theme: colours and the font it names", () => {
    const masters = [...deck.masters, ...deck.layouts].join("\n");
    expect(masters).toContain(`<a:srgbClr val="${NAVY}"/>`);
    expect(masters).toContain('typeface="Source Sans 3"');
    expect(masters).toContain('type="sldNum"');
    expect(masters).toContain("CISSO vs CISSP: Security Leadership Sooner");
    const points = slideTitled("Steered by a List").xml;
    expect(points).toContain(`<a:buClr><a:srgbClr val="${TEAL}"/></a:buClr>`);
  });

  it("sets code spans as monospace runs without backticks: the call to action, comparison cells, points", () => {
    const mono = (xml: string, text: string) =>
      new RegExp(`<a:latin typeface="Consolas"[^>]*/>[\\s\\S]{0,400}?<a:t>${text}</a:t>`).test(xml);
    const closing = deck.slides.at(-1)!;
    expect(closing.paragraphs.join("\n")).toContain(
      "Ask about CISSO exam options, self-paced preparation",
    );
    expect(closing.xml).not.toContain("`");
    expect(mono(closing.xml, "self-paced")).toBe(true);
    const compare = slideTitled("CISSO vs CISSP");
    expect(compare.xml).not.toContain("`");
    expect(mono(compare.xml, "mile2")).toBe(true);
    const steps = slideTitled("Steps with Code");
    expect(pointsOf(steps)).toEqual([]);
    expect(paragraphsOf(steps.xml)).toContain("Run collateral build --only deck once.");
    expect(mono(steps.xml, "collateral build --only deck")).toBe(true);
  });

  it("keeps an ordered list's numbers and shows only its top-level items, tidied", () => {
    const steps = slideTitled("Steps with Code");
    expect(steps.xml).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="3"\/>/);
    expect(steps.paragraphs).toContain("Sign in with your company account.");
    expect(steps.paragraphs.join("\n")).not.toContain("rugged handhelds");
    expect(steps.notes.join("\n")).toContain("rugged handhelds");
  });

  it("centres a quote card that has no points beside it", () => {
    const slide = slideTitled("Only the Quote");
    const offsets = [...slide.xml.matchAll(/<a:off x="(\d+)" y="\d+"\/><a:ext cx="(\d+)"/g)].map(
      (m) => Number(m[1]) + Number(m[2]) / 2,
    );
    // EMU: the card's text box centred on the slide (13.333 in wide), within a point or so.
    const centre = (13.333 * 914400) / 2;
    expect(offsets.some((c) => Math.abs(c - centre) < 20_000)).toBe(true);
  });

  it("puts the brand in the content masters' footer, before the deck's title", () => {
    const claimMaster = [...deck.masters, ...deck.layouts].find((x) =>
      x.includes("CISSO vs CISSP: Security Leadership Sooner"),
    )!;
    expect(claimMaster).toMatch(/<p:pic>[\s\S]*descr="Mile2"/);
  });

  it("carries the deck's title, author and subject as metadata", () => {
    expect(deck.core).toContain("<dc:title>CISSO vs CISSP: Security Leadership Sooner</dc:title>");
    expect(deck.core).toContain("<dc:creator>Mile2</dc:creator>");
    expect(deck.core).toMatch(/<dc:subject>Why Mile2&apos;s Certified Information Systems/);
  });
});

describe("deck-notes.pdf (--notes)", () => {
  it("prints each slide with its speaker notes and citations below it, a page per slide", async () => {
    const handout = path.join(root, "output/deck-notes.pdf");
    const pages = Number((await pdfInfo(handout)).Pages);
    expect(pages).toBe(Number((await pdfInfo(path.join(root, "output/deck.pdf"))).Pages));
    expect((await pdfInfo(handout))["Page size"]).toMatch(/^960 x 900 pts/);
    const text = (await pdfText(handout)).replace(/\s+/g, " ");
    expect(text).toContain("Speaker notes — Steered by a List");
    expect(text).toContain("Open with the eligibility question");
    expect(text).toContain(`CISSO Exam Blueprint Outline, Mile2, p. 2 — ${BLUEPRINT}`);
    // The deck's own PDF still prints no notes.
    expect(await pdfText(path.join(root, "output/deck.pdf"))).not.toContain("Speaker notes");
  });
});

describe("collateral build --only deck.pptx", () => {
  it(
    "writes the PPTX alone and prints nothing",
    async () => {
      const again = await runCli(["build", "--only", "deck.pptx"], root);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/output\/deck\.pptx/);
      expect(again.stderr).not.toContain("output/deck.pdf");
    },
    BUILD_TIMEOUT,
  );
});
