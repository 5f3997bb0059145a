// What every slide builder is handed: the presentation, the deck's view data, the theme and the logo.
import type { PieceView } from "../../render/index.js";
import type { Presentation } from "./pptxgen.js";
import type { DeckTheme } from "./theme.js";

/** The theme's logo as a picture PPTX can carry (PNG or JPEG), with its size to keep its proportions. */
export interface Logo {
  /** "image/png;base64,…", as PptxGenJS takes pre-encoded pictures. */
  data: string;
  width: number;
  height: number;
}

export interface DeckContext {
  pptx: Presentation;
  view: PieceView;
  theme: DeckTheme;
  logo: Logo | null;
}
