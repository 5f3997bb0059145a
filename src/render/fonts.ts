// The typefaces every piece embeds (from @fontsource, never the web): their files and @font-face rules.
import { createRequire } from "node:module";

export interface FontFace {
  family: string;
  weight: number;
  style: "normal" | "italic";
  /** File name inside the @fontsource package's files/ folder. */
  file: string;
  unicodeRange: string;
  /** Absolute path of the woff2 file. */
  path: string;
}

const LATIN =
  "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD";
const LATIN_EXT =
  "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF";

const require = createRequire(import.meta.url);

function faces(pkg: string, family: string, variants: [number, "normal" | "italic"][]): FontFace[] {
  const slug = pkg.replace("@fontsource/", "");
  return variants.flatMap(([weight, style]) =>
    (
      [
        ["latin", LATIN],
        ["latin-ext", LATIN_EXT],
      ] as const
    ).map(([subset, unicodeRange]) => {
      const file = `${slug}-${subset}-${weight}-${style}.woff2`;
      return {
        family,
        weight,
        style,
        file,
        unicodeRange,
        path: require.resolve(`${pkg}/files/${file}`),
      };
    }),
  );
}

export const FONT_FACES: readonly FontFace[] = [
  ...faces("@fontsource/inter", "Inter", [
    [400, "normal"],
    [500, "normal"],
    [600, "normal"],
    [700, "normal"],
    [800, "normal"],
  ]),
  ...faces("@fontsource/source-serif-4", "Source Serif 4", [
    [400, "normal"],
    [400, "italic"],
    [600, "normal"],
    [600, "italic"],
  ]),
  // `inline code` and code blocks: a monospace of the same family as the serif.
  ...faces("@fontsource/source-code-pro", "Source Code Pro", [[400, "normal"]]),
];

/** Where the font files sit relative to a piece's HTML. */
export const FONT_DIR = "assets/fonts";

export function fontFaceCss(): string {
  return FONT_FACES.map(
    (f) =>
      `@font-face{font-family:"${f.family}";font-style:${f.style};font-weight:${f.weight};font-display:block;` +
      `src:url("${FONT_DIR}/${f.file}") format("woff2");unicode-range:${f.unicodeRange};}`,
  ).join("\n");
}
