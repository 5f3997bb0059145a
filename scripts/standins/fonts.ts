// The stand-ins' typefaces: the project's own webfonts embedded in the PDFs, standard PDF fonts as a fallback.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

export interface FontSet {
  /** Whether these are the project's webfonts (embedded) rather than the standard PDF fonts. */
  embedded: boolean;
  body: string;
  bodyItalic: string;
  bodyBold: string;
  sans: string;
  sansSemi: string;
  sansBold: string;
}

type Role = Exclude<keyof FontSet, "embedded">;

const WEBFONTS: Record<Role, string> = {
  body: "@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff",
  bodyItalic: "@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff",
  bodyBold: "@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff",
  sans: "@fontsource/inter/files/inter-latin-400-normal.woff",
  sansSemi: "@fontsource/inter/files/inter-latin-600-normal.woff",
  sansBold: "@fontsource/inter/files/inter-latin-800-normal.woff",
};

const STANDARD: FontSet = {
  embedded: false,
  body: "Times-Roman",
  bodyItalic: "Times-Italic",
  bodyBold: "Times-Bold",
  sans: "Helvetica",
  sansSemi: "Helvetica-Bold",
  sansBold: "Helvetica-Bold",
};

/** Registers the fonts on `doc` and returns the names to select them by. */
export function registerFonts(doc: PDFKit.PDFDocument): FontSet {
  const files = resolveWebfonts();
  if (!files) return STANDARD;
  for (const [name, file] of Object.entries(files)) doc.registerFont(name, file);
  return REGISTERED;
}

/** Webfonts are registered under their role's name. */
const REGISTERED: FontSet = {
  embedded: true,
  body: "body",
  bodyItalic: "bodyItalic",
  bodyBold: "bodyBold",
  sans: "sans",
  sansSemi: "sansSemi",
  sansBold: "sansBold",
};

function resolveWebfonts(): Record<Role, string> | null {
  const require = createRequire(import.meta.url);
  try {
    const entries = Object.entries(WEBFONTS).map(([k, spec]) => [k, require.resolve(spec)]);
    if (!entries.every(([, file]) => file && existsSync(file))) return null;
    return Object.fromEntries(entries) as Record<Role, string>;
  } catch {
    return null; // the @fontsource packages are not installed: fall back to the standard 14
  }
}
