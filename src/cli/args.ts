// argv → a command name and its typed options; unknown flags and bad values are usage errors (exit 2).
import { type ParseArgsConfig, parseArgs } from "node:util";
import { CollateralError, EXIT } from "../model/index.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | undefined>;

export const GLOBAL_OPTIONS: OptionSpec = {
  root: { type: "string" },
  help: { type: "boolean", short: "h" },
};

export function parseCommandArgs(
  command: string,
  argv: string[],
  options: OptionSpec,
): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usage(`${command}: ${reason}`);
  }
}

export function usage(message: string): CollateralError {
  return new CollateralError(`${message}\nRun \`collateral --help\` for usage.`, {
    exitCode: EXIT.usage,
    rule: "usage",
  });
}

export function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value))
    return value as T;
  throw usage(`--${name} must be one of ${allowed.join(", ")} (got "${String(value)}")`);
}

export function positiveInt(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw usage(`--${name} must be a whole number (got "${String(value)}")`);
  return n;
}

export function list(value: unknown): string[] {
  return typeof value === "string"
    ? value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}
