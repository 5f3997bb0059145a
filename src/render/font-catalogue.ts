// The typefaces collateral ships, from @fontsource packages (never the web): families, weights, subsets, ranges.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  formatUnicodeRange,
  intersectRanges,
  parseUnicodeRange,
  rangeHas,
  type UnicodeRange,
  unionRanges,
} from "./unicode-range.js";

export interface FontFace {
  /** The CSS family name the theme's font stacks use. */
  family: string;
  weight: number;
  style: "normal" | "italic";
  /** File name inside the @fontsource package's files/ folder. */
  file: string;
  /** The characters this face is used for, as a CSS unicode-range value. */
  unicodeRange: string;
  range: UnicodeRange;
  /** Absolute path of the woff2 file. */
  path: string;
  /** Latin faces, declared in every piece whatever its text (generated content and hyphens need them too). */
  always: boolean;
}

type Variant = readonly [number, "normal" | "italic"];

interface FamilySpec {
  family: string;
  pkg: string;
  variants: readonly Variant[];
  /** Which of the package's subsets (keys of its unicode.json: "latin", "cyrillic", "[12]") ship. */
  subsets: (name: string) => boolean;
  /** Narrow every face to these characters (a script picked from a family before the language's choice). */
  only?: UnicodeRange;
  /** Subsets declared in every piece. */
  always?: readonly string[];
}

/** Hiragana, katakana and their extensions: always set in the Japanese face, whatever the document's language. */
export const KANA = parseUnicodeRange("U+3040-30FF,U+31F0-31FF,U+FF65-FF9F,U+1B000-1B16F");
/** Hangul syllables and jamo: always set in the Korean face. */
export const HANGUL = parseUnicodeRange(
  "U+1100-11FF,U+3130-318F,U+A960-A97F,U+AC00-D7AF,U+D7B0-D7FF,U+FFA0-FFDC",
);

/** The monospace of `code` (declared only in a piece that sets code). */
export const CODE_FAMILY = "Source Code Pro";
const JP_KANA = "Noto Sans JP Kana";
const KR_HANGUL = "Noto Sans KR Hangul";
const [JP, SC, TC, KR] = ["Noto Sans JP", "Noto Sans SC", "Noto Sans TC", "Noto Sans KR"];

const LATIN = ["latin", "latin-ext"];
const INTER_SUBSETS = [...LATIN, "greek", "greek-ext", "cyrillic", "cyrillic-ext", "vietnamese"];
const SERIF_SUBSETS = [...LATIN, "greek", "cyrillic", "cyrillic-ext", "vietnamese"];
const numbered = (name: string) => /^\[\d+\]$/.test(name);
/** CJK families are large (each weight ~100 subsets): two weights; 500/600 take 400/700, 800 takes 700. */
const CJK_WEIGHTS: readonly Variant[] = [
  [400, "normal"],
  [700, "normal"],
];

export const FAMILY_SPECS: readonly FamilySpec[] = [
  {
    family: "Inter",
    pkg: "@fontsource/inter",
    variants: [
      [400, "normal"],
      [500, "normal"],
      [600, "normal"],
      [700, "normal"],
      [800, "normal"],
    ],
    subsets: (s) => INTER_SUBSETS.includes(s),
    always: LATIN,
  },
  {
    family: "Source Serif 4",
    pkg: "@fontsource/source-serif-4",
    variants: [
      [400, "normal"],
      [400, "italic"],
      [600, "normal"],
      [600, "italic"],
    ],
    subsets: (s) => SERIF_SUBSETS.includes(s),
    always: LATIN,
  },
  // `inline code` and code blocks: a monospace of the same family as the serif (used only where code is).
  {
    family: CODE_FAMILY,
    pkg: "@fontsource/source-code-pro",
    variants: [[400, "normal"]],
    subsets: (s) => SERIF_SUBSETS.includes(s),
  },
  {
    family: "Noto Sans Arabic",
    pkg: "@fontsource/noto-sans-arabic",
    variants: CJK_WEIGHTS,
    subsets: (s) => s === "arabic",
  },
  {
    family: "Noto Sans Hebrew",
    pkg: "@fontsource/noto-sans-hebrew",
    variants: CJK_WEIGHTS,
    subsets: (s) => s === "hebrew",
  },
  // Kana and hangul as families of their own, so a stack that prefers another face for Han still sets them in
  // the face made for them (Noto Sans SC also has kana and some hangul).
  {
    family: JP_KANA,
    pkg: "@fontsource/noto-sans-jp",
    variants: CJK_WEIGHTS,
    subsets: numbered,
    only: KANA,
  },
  {
    family: KR_HANGUL,
    pkg: "@fontsource/noto-sans-kr",
    variants: CJK_WEIGHTS,
    subsets: numbered,
    only: HANGUL,
  },
  ...(["JP", "SC", "TC", "KR"] as const).map(
    (region): FamilySpec => ({
      family: `Noto Sans ${region}`,
      pkg: `@fontsource/noto-sans-${region.toLowerCase()}`,
      variants: CJK_WEIGHTS,
      subsets: numbered,
    }),
  ),
];

/**
 * The families after Inter in every font stack (`--font-scripts`), for a document's `lang`: Arabic and Hebrew,
 * then CJK. Kana always take the Japanese face and hangul the Korean one; Han characters take the face of the
 * language (ja, ko, zh-Hant/-TW/-HK/-MO, other zh), Simplified Chinese when the language is not CJK (it has the
 * simplified forms the others lack and their common characters: one face for a name of unknown language), and
 * the other faces after it for what it lacks.
 */
export function scriptStack(lang: string): string[] {
  const tag = lang.toLowerCase();
  const is = (prefix: string) => tag === prefix || tag.startsWith(`${prefix}-`);
  let cjk = [JP_KANA, KR_HANGUL, SC, TC, JP, KR];
  if (is("ja")) cjk = [KR_HANGUL, JP, SC, TC, KR];
  else if (is("ko")) cjk = [JP_KANA, KR, TC, SC, JP];
  else if (/^zh-(hant|tw|hk|mo)(-|$)/.test(tag)) cjk = [JP_KANA, KR_HANGUL, TC, SC, JP, KR];
  return ["Noto Sans Arabic", "Noto Sans Hebrew", ...cjk];
}

/** The families every character outside them falls back from: Inter covers what Source Serif 4 lacks. */
export const BASE_FAMILIES: readonly string[] = ["Inter", "Source Serif 4"];

const require = createRequire(import.meta.url);

function packageRanges(pkg: string): { dir: string; ranges: Record<string, string> } {
  const file = require.resolve(`${pkg}/unicode.json`);
  return {
    dir: path.join(path.dirname(file), "files"),
    ranges: JSON.parse(readFileSync(file, "utf8")) as Record<string, string>,
  };
}

function familyFaces(spec: FamilySpec): FontFace[] {
  const { dir, ranges } = packageRanges(spec.pkg);
  const slug = spec.pkg.replace("@fontsource/", "");
  const faces: FontFace[] = [];
  for (const [subset, value] of Object.entries(ranges)) {
    if (!spec.subsets(subset)) continue;
    const declared = parseUnicodeRange(value);
    const range = spec.only ? intersectRanges(declared, spec.only) : declared;
    if (range.length === 0) continue;
    const id = subset.replace(/^\[(\d+)\]$/, "$1");
    for (const [weight, style] of spec.variants) {
      const file = `${slug}-${id}-${weight}-${style}.woff2`;
      faces.push({
        family: spec.family,
        weight,
        style,
        file,
        // A narrowed face says so in its rule; otherwise the package's own value, verbatim.
        unicodeRange: spec.only ? formatUnicodeRange(range) : value,
        range,
        path: path.join(dir, file),
        always: spec.always?.includes(subset) ?? false,
      });
    }
  }
  return faces;
}

const loaded = new Map<string, FontFace[]>();

/** A family's faces, read from its package the first time they are asked for (a Latin piece reads no CJK). */
export function familyFacesOf(family: string): readonly FontFace[] {
  let faces = loaded.get(family);
  if (!faces) {
    const spec = FAMILY_SPECS.find((s) => s.family === family);
    faces = spec ? familyFaces(spec) : [];
    loaded.set(family, faces);
  }
  return faces;
}

/** Whether a family can hold a character at all, without reading its package (kana and hangul families). */
export function familyMayHold(family: string, codePoint: number): boolean {
  const only = FAMILY_SPECS.find((s) => s.family === family)?.only;
  return !only || rangeHas(only, codePoint);
}

/** Every face shipped, in the order their rules are declared. */
export function fontCatalogue(): readonly FontFace[] {
  return FAMILY_SPECS.flatMap((spec) => familyFacesOf(spec.family));
}

let base: UnicodeRange | null = null;

/** What Inter and Source Serif 4 cover: a character there never needs another script's face. */
export function baseRange(): UnicodeRange {
  base ??= unionRanges(
    ...BASE_FAMILIES.flatMap((family) => familyFacesOf(family).map((f) => f.range)),
  );
  return base;
}

/** The faces the sales portal's own page declares: all but the large CJK families (its visitors' fonts do). */
export function portalFaces(): readonly FontFace[] {
  return FAMILY_SPECS.filter((spec) => !/noto-sans-(jp|sc|tc|kr)$/.test(spec.pkg)).flatMap((spec) =>
    familyFacesOf(spec.family),
  );
}
