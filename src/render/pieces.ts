// The three pieces of collateral and the options a render takes.
import type { PieceView } from "./view.js";

export type Piece = "brochure" | "one-pager" | "deck";
export const PIECES: readonly Piece[] = ["brochure", "one-pager", "deck"];

export interface RenderOptions {
  /** Audience id from the front matter: tailors the one-pager's claims. */
  audience?: string;
  prospect?: { company: string; contact?: string };
  /** Render even with failing quotes: each one stamped, every page marked DRAFT. */
  draft?: boolean;
  /** Paper size of the brochure and the one-pager (the deck is always 16:9). */
  paper?: "letter" | "a4";
  /** The workspace root, where the claims' images are copied from; without it, images are left out. */
  workspace?: string;
}

/** A file a piece's HTML refers to, relative to that HTML (`assets/...`), and where it comes from. */
export interface Asset {
  rel: string;
  path: string;
  /** A workspace image: only bytes of this SHA-256 (those judged when the workspace loaded) are copied. */
  sha256?: string;
}

export interface RenderedPiece {
  piece: Piece;
  html: string;
  title: string;
  meta: { title: string; author: string; subject: string; keywords: string[] };
  /** Fonts and theme files the HTML refers to: export copies them next to it. */
  assets: readonly Asset[];
  /** The view data the template rendered: the deck's PPTX is built from the same. */
  view: PieceView;
}
