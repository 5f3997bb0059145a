import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeCissoBlueprint } from "../../../scripts/standins/cisso-blueprint.js";
import { makeCisspOutline } from "../../../scripts/standins/cissp-outline.js";
import { makeNiccsPage } from "../../../scripts/standins/niccs-page.js";
import { loadCitedTexts } from "../../../src/ingest/cited/index.js";
import { loadRegistry } from "../../../src/ingest/registry.js";
import type { CitedText } from "../../../src/model/index.js";

// The repository's own cited documents. While they are stand-ins, these tests pin what the stand-ins
// promise; once an official file replaces one, its stand-in checks are skipped (see sources/cited/README.md).
const REPO = path.resolve(".");
let texts: Map<string, CitedText>;
const isStandin = new Map<string, boolean>();

/** Loose reading for these tests only (the real matcher lives in src/verify): joins line-end hyphens, one space. */
function loose(text: string): string {
  return text
    .replace(/(\p{L})-\n(\p{Ll})/gu, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

function pagesOf(id: string): string[] {
  const text = texts.get(id);
  if (!text?.readable)
    throw new Error(`${id} is not readable: ${text?.readable === false ? text.reason : "absent"}`);
  return text.pages;
}

beforeAll(async () => {
  const registry = await loadRegistry(REPO);
  texts = await loadCitedTexts(path.join(REPO, "sources"), registry);
  for (const s of registry) {
    const bytes = await readFile(path.join(REPO, "sources", s.file)).catch(() => Buffer.alloc(0));
    isStandin.set(s.id, bytes.includes("STAND-IN"));
  }
});

describe("the cited documents of this repository", () => {
  it("are all present and readable", () => {
    expect([...texts.keys()].sort()).toEqual(["cisso-blueprint", "cissp-outline", "niccs-cisso"]);
    for (const text of texts.values()) expect(text).toMatchObject({ readable: true });
  });

  it("hold the blueprint's two quotes on page 2, across a line-end hyphen", (ctx) => {
    if (!isStandin.get("cisso-blueprint")) ctx.skip();
    const pages = pagesOf("cisso-blueprint");
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const page2 = loose(pages[1]!);
    expect(page2).toContain(
      "there are no minimum requirements needed to become a Certified Information Systems Security Officer (CISSO).",
    );
    expect(page2).toContain("managers, auditors, and INFOSEC professionals");
    expect(pages[1]).toMatch(/audi-\ntors/);
    expect(pages[1]).toMatch(/role-\nbased/);
    expect(loose(pages.join("\n"))).toMatch(/online exam taken via the Mile2 platform/);
    expect(loose(pages.join("\n"))).toMatch(/proctored version .* under ANSI\/DoD 8140 standards/);
  });

  it("repeat a running header and a numbered footer on every page but the cover, read apart from the text", (ctx) => {
    if (!isStandin.get("cisso-blueprint") || !isStandin.get("cissp-outline")) ctx.skip();
    for (const id of ["cisso-blueprint", "cissp-outline"]) {
      const text = texts.get(id);
      if (!text?.readable) throw new Error(`${id} is not readable`);
      const asides = text.asides ?? [];
      expect(asides.filter((a) => a.page === 1).map((a) => a.text)).not.toContainEqual(
        expect.stringMatching(/Page 1 of/),
      );
      text.pages.slice(1).forEach((page, i) => {
        const on = asides.filter((a) => a.page === i + 2).map((a) => a.text);
        expect(on).toContainEqual(expect.stringMatching(/Exam (Blueprint )?Outline/));
        expect(on).toContainEqual(
          expect.stringMatching(new RegExp(`Page ${i + 2} of ${text.pages.length}$`)),
        );
        expect(page).not.toMatch(/Page \d+ of \d+/);
      });
    }
  });

  it("keep the CISSO quotes out of the CISSP outline, which states its own experience rule", (ctx) => {
    if (!isStandin.get("cissp-outline")) ctx.skip();
    const outline = loose(pagesOf("cissp-outline").join("\n"));
    expect(outline).not.toMatch(/no minimum requirements/);
    expect(outline).not.toMatch(/managers, auditors, and INFOSEC/);
    expect(outline).not.toMatch(/validated by the NSA/i);
    expect(outline).toContain(
      "at least five years of cumulative, full-time work experience in two or more of the eight CISSP domains",
    );
  });

  it("show the NICCS quote's parts close together and in order, and nothing from scripts or hidden parts", (ctx) => {
    if (!isStandin.get("niccs-cisso")) ctx.skip();
    const page = loose(pagesOf("niccs-cisso")[0]!);
    const match = /validated by the NSA for:? CNSSI-4012\b(.{0,200}?)\band NSTISSI-4011\b/.exec(
      page,
    );
    expect(match?.[1]).toMatch(/CNSSI-4013/);
    expect(page.match(/validated by the NSA/g)).toHaveLength(1);
    expect(page).not.toMatch(
      /CNSSI-401[67]|since 1999|no minimum requirements|INFOSEC professionals"|cookies/,
    );
    expect(page).toContain("Education & Training");
  });
});

describe("the stand-in generator", () => {
  // PDF generation (font subsetting) takes a while: each stand-in is made once here.
  let made: Array<[string, string, Buffer]>;
  beforeAll(async () => {
    made = [
      ["cisso-blueprint", "cited/cisso-exam-blueprint.pdf", await makeCissoBlueprint()],
      ["cissp-outline", "cited/cissp-exam-outline.pdf", await makeCisspOutline()],
      ["niccs-cisso", "cited/niccs-cisso.html", Buffer.from(makeNiccsPage())],
    ];
  });

  it("makes the same bytes on every run", async () => {
    expect((await makeCissoBlueprint()).equals(made[0]![2])).toBe(true);
  });

  it("made the stand-ins committed in sources/cited (run `npm run standins` after changing it)", async (ctx) => {
    const standins = made.filter(([id]) => isStandin.get(id));
    if (standins.length === 0) ctx.skip();
    for (const [, file, bytes] of standins) {
      expect(bytes.equals(await readFile(path.join(REPO, "sources", file))), file).toBe(true);
    }
  });
});
