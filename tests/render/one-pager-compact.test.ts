// The condensed one-pager lists in a claim's place only the quotes its body prints plainly: never a struck quote
// (the author's refutation) as an endorsement, nor one from a deck-only `Notes:` or `Slide:` block.
import { beforeAll, describe, expect, it } from "vitest";
import { parseSourceDocument } from "../../src/ingest/markdown/source-document.js";
import type { CollateralModel } from "../../src/model/index.js";
import {
  BUILTIN_TEMPLATES_DIR,
  loadTemplates,
  renderPiece,
  type TemplateSet,
} from "../../src/render/index.js";
import { fixtureModel } from "./fixture-model.js";

let templates: TemplateSet;
beforeAll(async () => {
  templates = await loadTemplates([BUILTIN_TEMPLATES_DIR]);
});

const GUIDE = "https://atlas.example/guide";
const SOURCE = `---
title: T
product: P
---
## Struck {#struck}

Rivals claim ~~“every edit made on a device is kept”~~ [G](${GUIDE}) and we do not say that.

## Notes Only {#notes-only}

Body sentence with no quote.

Notes: For Q&A only, “every change is kept with its author” [G](${GUIDE})

Slide: Atlas says “conflicts are resolved field by field” [G](${GUIDE})

## Plain {#plain}

We say “edits made offline are merged on reconnect” [G](${GUIDE}).
`;

function compactOf(html: string, id: string): string {
  const section = html.slice(html.indexOf(`id="claim-${id}"`));
  const scoped = section.slice(0, section.indexOf("</section>"));
  return /op-compact">([\s\S]*?)<\/div>/.exec(scoped)?.[1] ?? "";
}

describe("the condensed one-pager", () => {
  it("lists only the quotes the body prints plainly", () => {
    const doc = parseSourceDocument("sources/doc.md", SOURCE);
    const base = fixtureModel();
    const model: CollateralModel = {
      ...base,
      meta: { ...base.meta, comparison: [], audiences: [], "one-pager": undefined },
      claims: doc.claims,
    };
    const { html } = renderPiece(templates, model, "one-pager", {});
    expect(compactOf(html, "struck")).not.toContain("every edit made");
    expect(compactOf(html, "notes-only")).not.toContain("kept with its author");
    expect(compactOf(html, "notes-only")).not.toContain("field by field");
    expect(compactOf(html, "plain")).toContain("edits made offline are merged on reconnect");
  });
});
