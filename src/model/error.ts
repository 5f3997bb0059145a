// The one error type users see: a message they can act on, where it came from, and the exit code.
import path from "node:path";
import { formatPosition, type Position } from "./position.js";
import type { QuoteResult } from "./report.js";

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class CollateralError extends Error {
  readonly exitCode: number;
  readonly position: Position | undefined;
  readonly rule: string;

  constructor(
    message: string,
    options: { position?: Position; exitCode?: number; rule?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "CollateralError";
    this.position = options.position;
    this.exitCode = options.exitCode ?? EXIT.usage;
    this.rule = options.rule ?? "input";
  }

  /** `file:line:col: message`, the way compilers and vfile print it. */
  override toString(): string {
    return this.position ? `${formatPosition(this.position)}: ${this.message}` : this.message;
  }
}

/** A file as an error message shows it: relative to the working folder when it lies inside, else absolute. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/**
 * A workspace file as every message shows it: relative to the folder collateral runs in (`../ws/sources/a.md`
 * when that is elsewhere), as the CI report formats show it. `file` is relative to `root`, or absolute.
 */
export function fromWorkingFolder(file: string, root: string): string {
  const relative = path.relative(process.cwd(), path.resolve(root, file));
  return (relative || file).split(path.sep).join("/");
}

/** `file:line:col` with the file as `fromWorkingFolder` shows it. */
export function shownPosition(position: Position, root: string): string {
  return formatPosition({ ...position, file: fromWorkingFolder(position.file, root) });
}

/** An error as a user reads it: its position, if any, from the working folder, then the message. */
export function describeError(error: CollateralError, root: string): string {
  if (error instanceof VerificationError) return error.describe((p) => shownPosition(p, root));
  return error.position
    ? `${shownPosition(error.position, root)}: ${error.message}`
    : error.message;
}

/** A build refused because quotes failed: the failures are kept, so each front end shows them in its own path style. */
export class VerificationError extends CollateralError {
  constructor(readonly failures: readonly QuoteResult[]) {
    super(VerificationError.text(failures, formatPosition), { exitCode: 1, rule: "verification" });
    this.name = "VerificationError";
  }

  describe(show: (position: Position) => string): string {
    return VerificationError.text(this.failures, show);
  }

  private static text(failures: readonly QuoteResult[], show: (p: Position) => string): string {
    const lines = failures.map(
      (q) => `  ${show(q.position)}: ${q.status}: “${q.text}” ${q.reason}`,
    );
    return `${failures.length} quote(s) failed verification; nothing was overwritten (use --draft to render anyway):\n${lines.join("\n")}`;
  }
}
