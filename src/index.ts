// The package's entry for code (`import { check, build } from "collateral"`): the orchestrator, the model, the report formats.

export type { ExportedPiece } from "./export/index.js";
export { DEFAULT_READ_LIMITS, type ReadLimits } from "./ingest/cited/index.js";
export { type ImportOptions, importPlainText } from "./ingest/import-text.js";
export { type LoadedWorkspace, loadWorkspace } from "./ingest/workspace.js";
export { type InitResult, initWorkspace } from "./init/index.js";
export * from "./model/index.js";
export {
  type BuildOptions,
  type BuildResult,
  build,
  type CheckOptions,
  check,
  init,
  type OnePagerRequest,
  OUTPUT_DIR,
  Pipeline,
  type PipelineOptions,
  type Verified,
} from "./pipeline.js";
export { PIECES, type Piece, type RenderOptions } from "./render/pieces.js";
export type { LinkCheckOptions } from "./verify/links/index.js";
export {
  type FormatOptions,
  formatGithub,
  formatJson,
  formatJunit,
  formatReport,
  formatText,
  REPORT_FORMATS,
  type ReportFormat,
  summaryLine,
} from "./verify/report/index.js";
