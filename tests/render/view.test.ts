// View data: citation numbering, references per audience, page references, escaping of user text, draft stamps.
import { beforeAll, describe, expect, it } from "vitest";
import { CollateralError, type CollateralModel } from "../../src/model/index.js";
import {
  BUILTIN_TEMPLATES_DIR,
  buildView,
  loadTemplates,
  renderPiece,
  type TemplateSet,
} from "../../src/render/index.js";
import { fixtureModel } from "./fixture-model.js";

let model: CollateralModel;
let templates: TemplateSet;

beforeAll(async () => {
  model = fixtureModel();
  templates = await loadTemplates([BUILTIN_TEMPLATES_DIR]);
});

const BLUEPRINT = "https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf";

describe("citation numbering", () => {
  it("numbers cited documents in order of first use across the brochure", () => {
    const view = buildView(templates, model, "brochure", {});
    expect(view.references.map((r) => [r.number, r.id])).toEqual([
      [1, "cisso-blueprint"],
      [2, "cissp-outline"],
      [3, "niccs-cisso"],
    ]);
    const focused = view.claims.find((c) => c.id.startsWith("focused-"))!;
    expect(focused.quotes[0]?.number).toBe(1);
    expect(focused.bodyHtml).toContain('<a href="#ref-2">2</a>');
  });

  it("writes each reference with title, publisher and pages, and its URL", () => {
    const [blueprint, , niccs] = buildView(templates, model, "brochure", {}).references;
    expect(blueprint?.text).toBe("CISSO Exam Blueprint Outline, Mile2, p. 2");
    expect(blueprint?.href).toBe(BLUEPRINT);
    expect(blueprint?.accessed).toBe("November 24, 2026");
    expect(niccs?.pages).toBe("");
  });

  it("writes pp. 2–3 for a quote that runs across a page break", async () => {
    const spread = fixtureModel({ pages: [2, 3] });
    const view = buildView(templates, spread, "brochure", {});
    expect(view.references[0]?.text).toBe("CISSO Exam Blueprint Outline, Mile2, pp. 2–3");
    expect(view.claims[0]?.quotes[0]?.source).toBe("CISSO Exam Blueprint Outline, Mile2, pp. 2–3");
  });

  it("marks a quote once when its citation follows it directly", () => {
    const view = buildView(templates, model, "brochure", {});
    const first = view.claims[0]!;
    expect(first.bodyHtml.match(/class="cite-marker"/g)).toHaveLength(1);
    expect(first.bodyHtml).toContain('<q class="quote">there are no minimum requirements');
    expect(first.bodyHtml).toContain(
      `<a class="cite" href="${BLUEPRINT}">Mile2 Cybersecurity Certifications</a>`,
    );
  });
});

describe("one-pager for an audience", () => {
  it("shows the audience's claims in its order, with only their references, renumbered", () => {
    const view = buildView(templates, model, "one-pager", { audience: "federal" });
    expect(view.claims.map((c) => c.id)).toEqual([
      "alignment-with-us-federal-standards--recognized-accreditation",
      "flexible-exam-options--learning-path",
      "focused-role-based-content-aligned-to-managementauditing",
    ]);
    expect(view.references.map((r) => [r.number, r.id])).toEqual([
      [1, "niccs-cisso"],
      [2, "cisso-blueprint"],
      [3, "cissp-outline"],
    ]);
    expect(view.audience?.label).toBe("Federal and DoD teams");
    expect(view.comparison?.rows.map((r) => r.aspect)).toEqual([
      "Focus",
      "Federal standards",
      "Exam delivery",
    ]);
  });

  it("drops references no selected claim cites", () => {
    const view = buildView(templates, model, "one-pager", { audience: "early-career" });
    expect(view.references.map((r) => r.id)).toEqual(["cisso-blueprint"]);
  });

  it("is a general one-pager with every claim when no audience is given", () => {
    const view = buildView(templates, model, "one-pager", {});
    expect(view.claims).toHaveLength(model.claims.length);
    expect(view.audience).toBeNull();
  });

  it("refuses an unknown audience with a usage error naming the known ones", () => {
    const attempt = () => renderPiece(templates, model, "one-pager", { audience: "pirates" });
    expect(attempt).toThrow(CollateralError);
    try {
      attempt();
    } catch (error) {
      expect((error as CollateralError).exitCode).toBe(2);
      expect((error as Error).message).toMatch(
        /unknown audience "pirates".*early-career, security-managers/,
      );
    }
  });
});

describe("escaping", () => {
  it("prints a prospect's markup and template syntax as text", () => {
    const prospect = {
      company: "<script>alert(1)</script> {{constructor}}",
      contact: "<b>Eve</b>",
    };
    for (const piece of ["brochure", "one-pager", "deck"] as const) {
      const { html } = renderPiece(templates, model, piece, { prospect });
      expect(html).not.toContain("<script>alert(1)");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; {{constructor}}");
      expect(html).toContain("Attn: &lt;b&gt;Eve&lt;/b&gt;");
    }
  });

  it("escapes claim text and never links unsafe URLs", () => {
    const hostile = structuredClone(model);
    const block = hostile.claims[0]!.blocks[0]!;
    block.inlines.push(
      { kind: "text", text: " <img src=x onerror=alert(1)> {{constructor.constructor}}" },
      { kind: "link", text: "click", url: "javascript:alert(1)" },
    );
    const { html } = renderPiece(templates, hostile, "brochure", {});
    expect(html).not.toContain("<img src=x");
    expect(html).toContain(
      "&lt;img src&#61;x onerror&#61;alert(1)&gt; {{constructor.constructor}}",
    );
    expect(html).not.toContain("javascript:");
  });
});

describe("pieces", () => {
  it("calls out the benefit only for claims that have one", () => {
    const view = buildView(templates, model, "brochure", {});
    expect(view.claims.filter((c) => c.benefitHtml).map((c) => c.id)).toEqual([
      "accessible-entry-point",
    ]);
    expect(view.claims[0]?.benefitHtml).toMatch(/^This means a candidate/);
  });

  it("stamps a failing quote UNVERIFIED with its status", async () => {
    const failing = fixtureModel({
      statuses: { "accessible-entry-point/q1": "not-found" },
    });
    const { html } = renderPiece(templates, failing, "brochure", { draft: true });
    expect(html).toContain("UNVERIFIED — not-found");
    expect(html).toContain('class="draft-mark"');
    const clean = renderPiece(templates, model, "brochure", {});
    expect(clean.html).not.toContain("UNVERIFIED");
  });

  it("gives the deck speaker notes with the full claim text", () => {
    const { html } = renderPiece(templates, model, "deck", {});
    expect(html.match(/<aside class="notes">/g)).toHaveLength(model.claims.length);
    expect(html).toContain("Mile2 Cybersecurity Certifications, by contrast");
  });

  it("sets the brochure's paper size", () => {
    expect(renderPiece(templates, model, "brochure", {}).html).toContain("size: letter");
    expect(renderPiece(templates, model, "brochure", { paper: "a4" }).html).toContain("size: A4");
  });

  it("fills the PDF metadata", () => {
    const { meta, title } = renderPiece(templates, model, "one-pager", { audience: "federal" });
    expect(title).toBe("CISSO vs CISSP: Security Leadership Sooner — for Federal and DoD teams");
    expect(meta.author).toBe("Mile2");
    expect(meta.keywords).toEqual(["CISSO", "CISSP", "One-pager", "Federal and DoD teams"]);
  });

  it("is pure: the same input renders the same HTML", () => {
    const a = renderPiece(templates, model, "deck", { prospect: { company: "Acme" } });
    const b = renderPiece(templates, model, "deck", { prospect: { company: "Acme" } });
    expect(a.html).toBe(b.html);
  });
});
