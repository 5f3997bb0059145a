// Template loading: the built-in set, a workspace's overrides file by file, and syntax errors with a position.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CollateralError } from "../../src/model/index.js";
import { BUILTIN_TEMPLATES_DIR, loadTemplates, renderPiece } from "../../src/render/index.js";
import { fixtureModel } from "./fixture-model.js";

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspaceTemplates(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-tpl-"));
  made.push(root);
  const dir = path.join(root, "templates");
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

describe("loadTemplates", () => {
  it("finds the built-in templates from the source tree", async () => {
    expect(BUILTIN_TEMPLATES_DIR).toMatch(/templates$/);
    const set = await loadTemplates([BUILTIN_TEMPLATES_DIR]);
    expect(Object.keys(set.pieces).sort()).toEqual(["brochure", "deck", "one-pager"]);
    expect(set.styles.has("theme.css")).toBe(true);
    // Fonts are not the template set's: each rendered piece names those its characters need (fonts.test.ts).
    expect(set.assets.some((a) => a.rel.startsWith("assets/fonts/"))).toBe(false);
    expect(set.logo).toBeNull();
  });

  it("lets a workspace override one partial and one theme file, the rest falling back", async () => {
    const dir = await workspaceTemplates({
      "partials/cta.hbs": '<aside class="cta">OVERRIDDEN CTA {{cta.heading}}</aside>',
      "theme/theme.css": ":root { --navy: #112233; }",
      "theme/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    });
    const set = await loadTemplates([dir, BUILTIN_TEMPLATES_DIR]);
    expect(set.origins["partials/cta.hbs"]).toBe(path.join(dir, "partials/cta.hbs"));
    expect(set.origins["partials/claim.hbs"]).toBe(
      path.join(BUILTIN_TEMPLATES_DIR, "partials/claim.hbs"),
    );
    expect(set.logo).toBe("assets/theme/logo.svg");
    const { html, assets } = renderPiece(set, fixtureModel(), "brochure", {});
    expect(html).toContain("OVERRIDDEN CTA Put your next security leader");
    expect(html).toContain("--navy: #112233");
    expect(html).not.toContain("--navy: #0e2442");
    expect(html).toContain('<img class="logo" src="assets/theme/logo.svg"');
    expect(assets.some((a) => a.rel === "assets/theme/logo.svg")).toBe(true);
  });

  it("does not read the portal's templates", async () => {
    const dir = await workspaceTemplates({ "portal/page.hbs": "{{#if}" });
    await expect(loadTemplates([dir, BUILTIN_TEMPLATES_DIR])).resolves.toBeDefined();
  });

  it("reports a template syntax error with its file and line", async () => {
    const dir = await workspaceTemplates({ "deck.hbs": "<p>\n{{#each claims}}\n{{title}\n" });
    const error = await loadTemplates([dir, BUILTIN_TEMPLATES_DIR]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CollateralError);
    expect((error as CollateralError).position?.file).toBe(path.join(dir, "deck.hbs"));
    expect((error as CollateralError).position?.line).toBe(3);
    // What the parser expected, not only where it stopped.
    expect((error as CollateralError).message).toMatch(/Parse error on line 3: Expecting .*got/);
  });

  it("keeps prototype access off", async () => {
    const dir = await workspaceTemplates({
      "deck.hbs": "[{{title.constructor.name}}][{{__proto__}}]",
    });
    const set = await loadTemplates([dir, BUILTIN_TEMPLATES_DIR]);
    const { html } = renderPiece(set, fixtureModel(), "deck", {});
    expect(html).toBe("[][]");
  });
});
