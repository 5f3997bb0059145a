// What the portal needs from the pipeline: current audiences, tailored renders, previews, built pieces.
import type { Audience } from "../model/index.js";

import type { OnePagerRequest } from "../pipeline.js";

export type { OnePagerRequest };

export interface PortalContent {
  title: string;
  product: string;
  tagline: string;
  audiences: Audience[];
  /** Claim id → title, to show what each audience's one-pager includes. */
  claimTitles: Record<string, string>;
  /** Hash of sources/ and templates/: changes whenever content does. */
  hash: string;
  /** The theme has a logo (served at /assets/logo): the page shows it instead of the product name. Set by the page route. */
  logo?: boolean;
}

/** An image file the portal serves, and its media type. */
export interface PortalImage {
  path: string;
  type: string;
}

export interface PortalBackend {
  /** The current content (re-read when sources or templates change). */
  content(): Promise<PortalContent>;
  /** The one-pager already rendered for this request and the current content, or null: no render, no queue. */
  cachedOnePager(request: OnePagerRequest): Promise<Uint8Array | null>;
  onePager(request: OnePagerRequest): Promise<Uint8Array>;
  previewPng(audience: string): Promise<Uint8Array>;
  /**
   * Path of the latest built brochure/deck PDF, or null when none. When the content changed it is rebuilt
   * first, once however many ask, with the rebuild run by `schedule` (the render queue).
   */
  builtPiece(
    piece: "brochure" | "deck",
    schedule?: (task: () => Promise<void>) => Promise<void>,
  ): Promise<string | null>;
  /** The portal's stylesheet, built on the collateral theme's variables so both look alike. */
  portalCss(): Promise<string>;
  /** The theme's logo for the dark ground (logo-on-dark.*, else logo.*), or null. */
  logo?(): Promise<PortalImage | null>;
  /** Path of a typeface the stylesheet names (by its file name), or null for any other name. */
  fontFile(name: string): Promise<string | null>;
  ready(): Promise<boolean>;
  /** Figures for /healthz: memory, renders, restarts. */
  health?(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}
