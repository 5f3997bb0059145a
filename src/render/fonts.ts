// The fonts a piece needs: the stack for its language and only the subsets the characters of its HTML fall in.
import { decodeHTML } from "entities";
import {
  BASE_FAMILIES,
  baseRange,
  CODE_FAMILY,
  FAMILY_SPECS,
  type FontFace,
  familyFacesOf,
  familyMayHold,
  portalFaces,
  scriptStack,
} from "./font-catalogue.js";
import type { Asset } from "./pieces.js";
import { rangeHas, rangeMeets } from "./unicode-range.js";

export type { FontFace } from "./font-catalogue.js";

/** Where the font files sit relative to a piece's HTML. */
export const FONT_DIR = "assets/fonts";

/**
 * Stands in the styles until the piece's HTML is known; then replaced by the rules its characters need. The `<`
 * cannot come from text a user typed: the templates escape it.
 */
export const FONT_FACES_SLOT = "/*<collateral-font-faces>*/";

/**
 * Every character beyond ASCII the HTML can show: its text with character references decoded, and the CSS
 * escapes of its styles (`content: "\2192"`). Tags and attribute values come along: a subset too many costs a
 * copied file, as the browser loads a face only when a character it shows falls in its range.
 */
export function usedCodePoints(html: string, lang = ""): Set<number> {
  if (lang) html = withoutOtherLanguages(html, lang);
  const escapes = html.replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) =>
    String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)),
  );
  const used = new Set<number>();
  for (const text of [decodeHTML(html), escapes])
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code >= 0x80) used.add(code);
    }
  return used;
}

/**
 * The HTML without the style rules that only apply to other languages (`:lang(ja) q { quotes: "\300C" … }` in a
 * document in English): the browser never shows their characters, so they need no face.
 */
export function withoutOtherLanguages(html: string, lang: string): string {
  const tag = lang.toLowerCase();
  const applies = (selector: string) => {
    const langs = [...selector.matchAll(/:lang\(\s*["']?([\w-]+)["']?\s*\)/g)].map((m) =>
      m[1]!.toLowerCase(),
    );
    return langs.every((l) => tag === l || tag.startsWith(`${l}-`));
  };
  return html.replace(/([^{}<>]*:lang\([^{}<>]*)\{[^{}]*\}/g, (rule, selectors: string) =>
    selectors.split(",").some(applies) ? rule : "",
  );
}

/**
 * The faces a text needs, in declaration order: the Latin ones of Inter and Source Serif 4 always, their Greek,
 * Cyrillic and Vietnamese subsets for characters in them, and for a character neither covers, the faces of the
 * first family of the language's script stack whose range holds it (the one the browser will take).
 */
export function facesFor(used: ReadonlySet<number>, lang: string): FontFace[] {
  const picked = new Set<FontFace>();
  for (const family of BASE_FAMILIES)
    for (const face of familyFacesOf(family))
      if (face.always || rangeMeets(face.range, used)) picked.add(face);
  const base = baseRange();
  const stack = scriptStack(lang);
  for (const code of used) {
    if (rangeHas(base, code)) continue;
    for (const family of stack) {
      if (!familyMayHold(family, code)) continue;
      const holding = familyFacesOf(family).filter((f) => rangeHas(f.range, code));
      for (const face of holding) picked.add(face);
      if (holding.length) break;
    }
  }
  const families = new Set([...picked].map((f) => f.family));
  return FAMILY_SPECS.filter((spec) => families.has(spec.family)).flatMap((spec) =>
    familyFacesOf(spec.family).filter((f) => picked.has(f)),
  );
}

/** The stack's families as the value of `--font-scripts`, which theme.css puts after Inter in its stacks. */
function stackCss(lang: string): string {
  return `:root{--font-scripts:${scriptStack(lang)
    .map((family) => `"${family}"`)
    .join(",")};}`;
}

export function fontFaceCss(faces: readonly FontFace[], lang: string, dir = FONT_DIR): string {
  return [
    stackCss(lang),
    ...faces.map(
      (f) =>
        `@font-face{font-family:"${f.family}";font-style:${f.style};font-weight:${f.weight};font-display:block;` +
        `src:url("${dir}/${f.file}") format("woff2");unicode-range:${f.unicodeRange};}`,
    ),
  ].join("\n");
}

/** Puts the rules a piece's HTML needs in place of the slot, and lists the files they name. */
export function withFonts(html: string, lang: string): { html: string; assets: Asset[] } {
  const used = usedCodePoints(html, lang);
  const faces = [...facesFor(used, lang), ...(/<(code|pre)\b/.test(html) ? codeFaces(used) : [])];
  const files = new Map(faces.map((f) => [f.file, f.path]));
  return {
    html: html.replace(FONT_FACES_SLOT, () => fontFaceCss(faces, lang)),
    assets: [...files].map(([file, path]) => ({ rel: `${FONT_DIR}/${file}`, path })),
  };
}

/** Source Code Pro, for a piece that sets code: its Latin subsets and those the characters fall in. */
function codeFaces(used: ReadonlySet<number>): FontFace[] {
  return familyFacesOf(CODE_FAMILY).filter(
    (f) => f.file.includes("-latin-") || rangeMeets(f.range, used),
  );
}

/** The sales portal's own page (English): its faces, served under `dir`. */
export function portalFontCss(dir: string): string {
  return fontFaceCss(portalFaces(), "en", dir);
}

export function portalFontFile(name: string): string | null {
  return portalFaces().find((f) => f.file === name)?.path ?? null;
}
