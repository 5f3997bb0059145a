// The one error type users see: a message they can act on, where it came from, and the exit code.
import path from "node:path";
import { formatPosition, type Position } from "./position.js";

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
