// End to end: a workspace re-branded in three variables, two logos and German words; no old brand colour left.
import { execFile } from "node:child_process";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium, isHeadlessShell } from "../../src/export/index.js";
import { createPortal } from "../../src/server/index.js";
import { PipelineBackend } from "../../src/server/pipeline-backend.js";
import { flat, pdfText } from "../export/pdf-read.js";
import { type CliRun, copyWorkspace, REPO, runCli } from "../helpers/workspace.js";

const run = promisify(execFile);
const PIECES = ["brochure", "one-pager", "deck"] as const;
const BUILD_TIMEOUT = 180_000;
const FIXTURE = path.join(REPO, "tests/fixtures/brand/templates");

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as Rgb;

/** The built-in theme's brand colours and the tints that stayed fixed after a re-brand before. */
const OLD_BRAND = [
  "#0e2442", // navy
  "#17355e", // navy-2
  "#24497a", // navy-3
  "#0e8a8c", // teal
  "#0a6567", // teal-ink
  "#e6f3f2", // teal-soft
  "#cfe6e4", // the audience band's rule
  "#e8a92e", // amber
  "#fbf1dc", // amber-soft
  "#b9c7da", // on-navy-muted
  "#2fc4b9", // the portal's favicon
].map(hex);
const LIGHT_LOGO = hex("#00a3ff");
const DARK_LOGO = hex("#ffe600");

const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const near = (colour: Rgb, palette: Rgb[], within: number) =>
  palette.some((p) => distance(colour, p) <= within);

let root: string;
let out: string;
let build: CliRun;
let markdown: string;

beforeAll(async () => {
  root = await copyWorkspace();
  out = path.join(root, "output");
  await cp(FIXTURE, path.join(root, "templates"), { recursive: true });
  markdown = path.join(root, "sources/cisso-vs-cissp.md");
  const text = await readFile(markdown, "utf8");
  await writeFile(
    markdown,
    text.replace(
      /^---\n/,
      "---\nlang: de\ndate: 2026-12-06\nlabels:\n  benefit: Der Vorteil\n  bogus: nichts\n",
    ),
  );
  build = await runCli(["build"], root);
}, BUILD_TIMEOUT);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every page of a PDF as RGB pixels (poppler's PPM at 40 dpi). */
async function pagesOf(piece: string): Promise<Rgb[][]> {
  const prefix = path.join(out, `px-${piece}`);
  await run("pdftoppm", ["-r", "40", path.join(out, `${piece}.pdf`), prefix]);
  const files = (await readdir(out)).filter((n) => n.startsWith(`px-${piece}`)).sort();
  return Promise.all(files.map(async (name) => ppmPixels(await readFile(path.join(out, name)))));
}

/** P6 PPM: "P6 w h 255" then w·h RGB triples. */
function ppmPixels(bytes: Buffer): Rgb[] {
  const header = bytes.subarray(0, 64).toString("latin1");
  const match = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error("not a PPM");
  const pixels: Rgb[] = [];
  for (let i = match[0].length; i + 2 < bytes.length; i += 3)
    pixels.push([bytes[i]!, bytes[i + 1]!, bytes[i + 2]!]);
  return pixels;
}

describe("a workspace re-branded in templates/theme/brand.css, with two logos", () => {
  it("builds, warning about the label it does not know where it is written", () => {
    expect(build.code).toBe(0);
    expect(build.stderr).toMatch(
      /sources\/cisso-vs-cissp\.md:6:\d+: warning: unknown label "bogus".*\[labels\]/,
    );
  });

  it("leaves no pixel of the old brand colours on any page", async () => {
    for (const piece of PIECES) {
      const pages = await pagesOf(piece);
      expect(pages.length).toBeGreaterThan(0);
      pages.forEach((pixels, i) => {
        const old = pixels.filter((p) => near(p, OLD_BRAND, 6));
        expect({ piece, page: i + 1, old: old.length }).toEqual({ piece, page: i + 1, old: 0 });
      });
    }
  });

  it("computes no old brand colour for any element or decoration", async () => {
    let browser: Browser | undefined;
    try {
      const executablePath = findChromium();
      browser = await puppeteer.launch({
        executablePath,
        headless: isHeadlessShell(executablePath) ? "shell" : true,
        args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
      });
      const page = await browser.newPage();
      await page.emulateMediaType("print");
      for (const piece of PIECES) {
        await page.goto(`file://${path.join(out, `${piece}.html`)}`);
        const colours = await page.evaluate(usedColours);
        expect(colours.length).toBeGreaterThan(20);
        const old = colours.filter((c) => near(c.rgb as Rgb, OLD_BRAND, 2));
        expect({ piece, old }).toEqual({ piece, old: [] });
      }
    } finally {
      await browser?.close();
    }
  }, 60_000);

  it("shows the dark-ground logo on covers and headers, the paper one in every slide footer", async () => {
    const has = (pixels: Rgb[], colour: Rgb) =>
      pixels.filter((p) => distance(p, colour) < 8).length > 20;
    const [cover] = await pagesOf("brochure");
    expect(has(cover!, DARK_LOGO)).toBe(true);
    const [sheet] = await pagesOf("one-pager");
    expect(has(sheet!, DARK_LOGO)).toBe(true);
    const slides = await pagesOf("deck");
    expect(has(slides[0]!, DARK_LOGO)).toBe(true);
    expect(has(slides.at(-1)!, DARK_LOGO)).toBe(true);
    for (const slide of slides.slice(1, -1)) expect(has(slide, LIGHT_LOGO)).toBe(true);
    const deck = await readFile(path.join(out, "deck.html"), "utf8");
    expect(deck).toContain('<img class="logo" src="assets/theme/logo-on-dark.svg" alt="Mile2">');
    expect(deck).toContain('<img class="logo logo-light" src="assets/theme/logo.svg" alt="Mile2">');
    expect(deck).not.toContain('class="wordmark');
  });

  it("prints German labels, dates and quote marks", async () => {
    const brochure = flat(await pdfText(path.join(out, "brochure.pdf")));
    expect(brochure).toContain("DER VORTEIL"); // set in capitals by the theme
    expect(brochure).toContain("6. Dezember 2026");
    expect(brochure).toContain("Literatur");
    expect(brochure).toContain("(accessed 24. November 2026)");
    expect(brochure).toContain("„there are no minimum requirements");
    const deck = flat(await pdfText(path.join(out, "deck.pdf")));
    expect(deck).toMatch(/„validated by the NSA for CNSSI-4012 … and NSTISSI-4011“/);
    expect(deck).toContain("QUELLEN"); // the eyebrow, in capitals
  });

  it("gives the portal the logo, named by the product, and a favicon in the brand's colours", async () => {
    const app = createPortal(new PipelineBackend(root));
    try {
      const page = await app.inject({ method: "GET", url: "/" });
      expect(page.body).toMatch(
        /<img class="brand brand-logo" src="\/assets\/logo\?v=\w+" alt="CISSO">/,
      );
      const logo = await app.inject({ method: "GET", url: "/assets/logo" });
      expect(logo.headers["content-type"]).toMatch(/^image\/svg\+xml/);
      expect(logo.body).toContain("#ffe600");
      const favicon = await app.inject({ method: "GET", url: "/assets/favicon.svg" });
      expect(favicon.body).toContain('fill="#4a1030"');
      expect(favicon.body).toContain('stroke="#7b2cbf"');
      const css = await app.inject({ method: "GET", url: "/assets/portal.css" });
      expect(css.body).toContain("--navy: #4a1030");
    } finally {
      await app.close();
    }
  }, 60_000);
});

/**
 * In the page: every colour an element or its ::before/::after paints with (text, background, borders,
 * underline, gradients, shadows), converted to sRGB by a canvas; fully transparent ones left out.
 */
function usedColours(): { where: string; rgb: number[] }[] {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  const toRgb = (value: string): number[] | null => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = "#000";
    context.fillStyle = value;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return a === 0 ? null : [r!, g!, b!];
  };
  const colourIn =
    /(?:rgba?|hsla?|oklch|oklab|lab|lch|color)\([^()]*(?:\([^()]*\)[^()]*)*\)|#[0-9a-f]{3,8}\b/gi;
  const properties = [
    "color",
    "background-color",
    "border-top-color",
    "border-right-color",
    "border-bottom-color",
    "border-left-color",
    "text-decoration-color",
    "outline-color",
    "background-image",
    "box-shadow",
  ];
  const found: { where: string; rgb: number[] }[] = [];
  for (const element of document.querySelectorAll("body, body *"))
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      if (pseudo && (style.content === "none" || style.content === "normal")) continue;
      for (const property of properties)
        for (const token of style.getPropertyValue(property).match(colourIn) ?? []) {
          const rgb = toRgb(token);
          if (rgb)
            found.push({
              where: `${element.className || element.tagName}${pseudo ?? ""} ${property}`,
              rgb,
            });
        }
    }
  return found;
}
