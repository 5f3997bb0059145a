// What the orchestrator takes and gives: the options of check and build, and their results.

import type { WrittenHandout, WrittenPptx } from "../export/deck-files.js";
import type { BrowserManager, ExportedPiece, PieceLayoutError } from "../export/index.js";
import type { ReadLimits } from "../ingest/cited/index.js";
import type { LoadedWorkspace } from "../ingest/workspace.js";
import { CollateralError, type CollateralModel } from "../model/index.js";
import type { Piece, RenderOptions } from "../render/index.js";
import type { ArchiveOptions } from "../verify/archive/suggest.js";
import type { LinkCheckOptions } from "../verify/links/index.js";

export const OUTPUT_DIR = "output";

export interface CheckOptions {
  /** Skip online link checking: every link is reported `skipped`. */
  offline?: boolean;
  links?: Partial<LinkCheckOptions>;
  /** Write output/claims.json (default true). */
  writeModel?: boolean;
  /** Download every cited document again and verify its quotes against what the URL serves now (`--live`). */
  live?: boolean;
  /** The live download's size cap, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Archived copies for dead links: built by default; asked of the availability endpoint with `ask`. */
  archive?: Partial<ArchiveOptions>;
}

export interface BuildOptions extends RenderOptions {
  only?: Piece[];
  /** Also write a PNG preview of each piece's first page. */
  png?: boolean;
  onPiece?: (piece: ExportedPiece) => void;
  /** Write each piece as soon as it has printed (watch mode), rather than all together once all have. */
  writeEach?: boolean;
  /** Which files of the deck to write: deck.pdf and deck.pptx both unless one is turned off (`--only deck.pptx`). */
  deck?: { pdf?: boolean; pptx?: boolean };
  /** Also write deck-notes.pdf: each slide with its speaker notes below it (a handout). */
  notes?: boolean;
}

export interface OnePagerRequest {
  audience: string;
  company: string;
  contact?: string;
}

export interface Verified extends LoadedWorkspace {
  model: CollateralModel;
}

export interface BuildResult extends Verified {
  /** The pieces printed by this build. */
  pieces: ExportedPiece[];
  /** How many requested pieces were already up to date. */
  unchanged: number;
  /** The folder the pieces went to: output/, or output/for-<audience>[-<prospect>]/ for a tailored build. */
  outDir: string;
  /** output/deck.pptx when this build wrote it (null when not asked for, or unchanged since this pipeline wrote it). */
  pptx: WrittenPptx | null;
  /** output/deck-notes.pdf when `notes` was asked for. */
  handout: WrittenHandout | null;
}

/** A build that wrote some pieces and could not lay out others (exit 1): what was written, and what failed. */
export class PartialBuildError extends CollateralError {
  constructor(
    readonly result: BuildResult,
    cause: PieceLayoutError,
  ) {
    super(cause.message, { exitCode: cause.exitCode, rule: cause.rule, cause });
    this.name = "PartialBuildError";
  }
}

export interface PipelineOptions {
  /** Keep parsed cited documents under .collateral-cache/ between runs (default true). */
  persistentCache?: boolean;
  /** The bounds each cited document is read within (defaults: DEFAULT_READ_LIMITS). */
  readLimits?: ReadLimits;
  /** Prints a browser page makes before a fresh one replaces it (default 100). */
  recyclePageAfter?: number;
  /** A browser already starting (the CLI launches Chromium before it loads the pipeline); closed with it. */
  browser?: BrowserManager;
}
