// The options that bound how cited documents are read, shared by every command that reads them.
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../ingest/cited/index.js";
import { type OptionSpec, positiveInt, usage, type Values } from "./args.js";

export const readLimitOptions: OptionSpec = {
  "read-timeout": { type: "string" },
  "read-max-pages": { type: "string" },
  "read-max-mb": { type: "string" },
  "read-memory-mb": { type: "string" },
};

/** The limits the options ask for, each defaulting to its documented value; 0 is refused (no limit is no option). */
export function readLimits(values: Values): ReadLimits {
  const get = (name: string, fallback: number) => {
    const value = positiveInt(name, values[name], fallback);
    if (value === 0) throw usage(`--${name} must be at least 1`);
    return value;
  };
  return {
    ...DEFAULT_READ_LIMITS,
    seconds: get("read-timeout", DEFAULT_READ_LIMITS.seconds),
    pages: get("read-max-pages", DEFAULT_READ_LIMITS.pages),
    fileMegabytes: get("read-max-mb", DEFAULT_READ_LIMITS.fileMegabytes),
    memoryMegabytes: get("read-memory-mb", DEFAULT_READ_LIMITS.memoryMegabytes),
  };
}
