// Labels and language: English defaults, the theme's labels.yaml and front matter over them, lang in every piece.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CollateralError, DEFAULT_LABELS, unknownLabels } from "../../src/model/index.js";
import {
  BUILTIN_TEMPLATES_DIR,
  buildView,
  loadTemplates,
  renderPiece,
  type TemplateSet,
} from "../../src/render/index.js";
import { documentLang, fillLabel, resolveLabels } from "../../src/render/labels.js";
import { fixtureModel } from "./fixture-model.js";

let templates: TemplateSet;
const made: string[] = [];

beforeAll(async () => {
  templates = await loadTemplates([BUILTIN_TEMPLATES_DIR]);
});
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The CISSO model with front matter additions (lang, labels, date). */
function modelWith(meta: Record<string, unknown>) {
  const model = fixtureModel();
  Object.assign(model.meta, meta);
  return model;
}

async function themeWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-labels-"));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, "templates", rel)), { recursive: true });
    await writeFile(path.join(root, "templates", rel), text);
  }
  return path.join(root, "templates");
}

describe("labels", () => {
  it("layers the theme's labels over the defaults and the front matter's over both", () => {
    const labels = resolveLabels(
      { benefit: "Theme benefit", sources: "Quellen" },
      { benefit: "Der Vorteil", nonsense: "x" },
    );
    expect(labels.benefit).toBe("Der Vorteil");
    expect(labels.sources).toBe("Quellen");
    expect(labels.atAGlance).toBe(DEFAULT_LABELS.atAGlance);
    expect(labels).not.toHaveProperty("nonsense");
  });

  it("fills {names} and leaves an unknown one as written", () => {
    expect(fillLabel("Für {audience}", { audience: "Bundesbehörden" })).toBe("Für Bundesbehörden");
    expect(fillLabel("{audience} · {other}", { audience: "A" })).toBe("A · {other}");
  });

  it("warns about an unknown label where it is written, naming the one it was probably meant to be", () => {
    const at = (p: string[]) => ({ file: "sources/doc.md", line: p.length, column: 3 });
    expect(unknownLabels({ benfit: "x", atAGlance: "y", zzz: "z" }, at)).toEqual([
      {
        position: { file: "sources/doc.md", line: 2, column: 3 },
        reason: 'unknown label "benfit" (did you mean "benefit"?): it is ignored',
        rule: "labels",
      },
      expect.objectContaining({
        reason: expect.stringMatching(/^unknown label "zzz" \(labels: vs, benefit,/),
      }),
    ]);
  });

  it("prints the English defaults when nothing overrides them", () => {
    const { html } = renderPiece(templates, fixtureModel(), "brochure", {});
    for (const label of ["The benefit", "At a glance", "References", "Sources"])
      expect(html).toContain(label);
    expect(html).toContain('<html lang="en"');
  });

  it("prints every label a piece shows in the front matter's words", () => {
    const labels = {
      benefit: "Der Vorteil",
      benefitShort: "Vorteil",
      atAGlance: "Auf einen Blick",
      sources: "Quellen",
      references: "Literatur",
      preparedFor: "Erstellt für",
      attention: "z. Hd.",
      forAudience: "Für {audience}",
      vs: "oder",
      speakerNotes: "Sprechernotizen",
      accessed: "abgerufen am {date}",
    };
    const model = modelWith({ lang: "de", labels });
    const prospect = { company: "Acme GmbH", contact: "Jo Lee" };
    const brochure = renderPiece(templates, model, "brochure", {}).html;
    const onePager = renderPiece(templates, model, "one-pager", {
      audience: "early-career",
      prospect,
    }).html;
    const deck = renderPiece(templates, model, "deck", { prospect }).html;
    expect(brochure).toContain("Der Vorteil");
    expect(brochure).toContain("Auf einen Blick");
    expect(brochure).toContain("CISSO oder CISSP");
    expect(brochure).toContain("(abgerufen am 24. November 2026)");
    expect(onePager).toContain("Für Early-career candidates");
    expect(onePager).toContain(">Vorteil<");
    expect(onePager).toContain("Erstellt für");
    expect(onePager).toContain("z. Hd. Jo Lee");
    expect(deck).toContain("Sprechernotizen — Accessible Entry Point");
    expect(deck).toContain("Literatur");
    for (const html of [brochure, onePager, deck]) {
      expect(html).toContain('<html lang="de"');
      // What the page prints, not the stylesheet's comments.
      const printed = html.replace(/<style>[\s\S]*?<\/style>/g, "");
      for (const english of [
        "The benefit",
        "At a glance",
        "Prepared for",
        "accessed ",
        ">Sources<",
      ])
        expect(printed).not.toContain(english);
    }
  });

  it("stamps a failing quote with the document's word for unverified", () => {
    const model = fixtureModel({ statuses: { "accessible-entry-point/q1": "not-found" } });
    Object.assign(model.meta, { labels: { unverified: "UNGEPRÜFT" } });
    const view = buildView(templates, model, "brochure", { draft: true });
    expect(view.claims[0]?.quotes[0]?.stamp).toBe("UNGEPRÜFT — not-found");
  });

  it("takes the theme's labels.yaml under the front matter's, and warns about a key it does not know", async () => {
    const dir = await themeWith({
      "theme/labels.yaml":
        "# the house words\nbenefit: Your gain\nsources: Sources cited\natAGlanse: x\n",
    });
    const set = await loadTemplates([dir, BUILTIN_TEMPLATES_DIR]);
    expect(set.messages).toEqual([
      {
        position: {
          file: expect.stringMatching(/templates\/theme\/labels\.yaml$/),
          line: 4,
          column: 12,
        },
        reason: 'unknown label "atAGlanse" (did you mean "atAGlance"?): it is ignored',
        rule: "labels",
      },
    ]);
    const html = renderPiece(
      set,
      modelWith({ labels: { sources: "Endnotes" } }),
      "brochure",
      {},
    ).html;
    expect(html).toContain("Your gain");
    expect(html).toContain("Endnotes");
    expect(html).not.toContain("Sources cited");
  });

  it("refuses a labels.yaml that is not a map of words, naming its line", async () => {
    const dir = await themeWith({ "theme/labels.yaml": "benefit:\n  - a list\n" });
    const error = await loadTemplates([dir, BUILTIN_TEMPLATES_DIR]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CollateralError);
    expect(String(error)).toMatch(/templates\/theme\/labels\.yaml:2:\d+: Expected string/);
  });
});

describe("lang", () => {
  it("is English unless the front matter says, canonicalised", () => {
    expect(documentLang(undefined)).toBe("en");
    expect(documentLang("DE-at")).toBe("de-AT");
    expect(documentLang("not a tag")).toBe("en");
  });

  it("sets the date and the html lang (which picks the quote marks) of every piece", () => {
    for (const [lang, date] of [
      ["de", "6. Dezember 2026"],
      ["ja", "2026年12月6日"],
      ["en", "December 6, 2026"],
    ] as const) {
      const model = modelWith({ lang, date: "2026-12-06" });
      for (const piece of ["brochure", "deck"] as const) {
        const view = buildView(templates, model, piece, {});
        expect(view.date).toBe(date);
        expect(renderPiece(templates, model, piece, {}).html).toContain(`<html lang="${lang}"`);
      }
    }
  });
});
