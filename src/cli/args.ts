// argv → a command name and its typed options; unknown flags and bad values are usage errors (exit 2).
import { type ParseArgsConfig, parseArgs } from "node:util";
import { CollateralError, didYouMean, EXIT } from "../model/index.js";

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
  const all = { ...GLOBAL_OPTIONS, ...options };
  for (const arg of argv) {
    if (arg === "--") break;
    const unknown = unknownOption(arg, all);
    if (unknown) throw usage(`${command}: ${unknown}`);
  }
  try {
    const parsed = parseArgs({
      args: argv,
      options: all,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    throw usage(
      `${command}: ${valueProblem(error instanceof Error ? error.message : String(error))}`,
    );
  }
}

/** Switches that are on unless turned off: `--no-cache`, `--no-auth`. */
const NEGATIVE_ONLY = new Set(["cache", "auth"]);

/** `unknown option --offlin (did you mean --offline?)`, or null for an option the command takes. */
function unknownOption(arg: string, options: OptionSpec): string | null {
  if (/^-[^-]/.test(arg)) {
    const known = Object.values(options).flatMap((o) => (o.short ? [o.short] : []));
    return [...arg.slice(1)].every((c) => known.includes(c)) ? null : `unknown option ${arg}`;
  }
  if (!arg.startsWith("--") || arg === "--") return null;
  const name = arg.slice(2).split("=")[0]!;
  const negated = name.startsWith("no-") ? options[name.slice(3)] : undefined;
  if (options[name] || negated?.type === "boolean") return null;
  const flags = Object.entries(options)
    .filter(([n]) => n !== "help")
    .flatMap(([n, o]) => (o.type === "boolean" ? [`--${n}`, `--no-${n}`] : [`--${n}`]));
  const near = didYouMean(`--${name}`, flags, "");
  const shown = Object.keys(options)
    .filter((n) => n !== "help" && n !== "root")
    .map((n) => (NEGATIVE_ONLY.has(n) ? `--no-${n}` : `--${n}`));
  const takes = shown.length ? `it takes ${shown.join(", ")}` : "it takes no options";
  return `unknown option --${name}${near || ` (${takes})`}`;
}

/** Node's parser's complaint about a value, in the CLI's words. */
function valueProblem(message: string): string {
  const missing =
    /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument (?:missing|is ambiguous)/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const extra = /Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(message);
  if (extra) return `${extra[1]} is a switch and takes no value`;
  return message;
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
  const near = typeof value === "string" ? didYouMean(value, allowed) : "";
  throw usage(
    `--${name} must be one of ${allowed.join(", ")} (got "${String(value)}")${near.replace(/^ \(/, "; ").replace(/\)$/, "")}`,
  );
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
