// The CLI entry: pick the command, run it, turn errors into file:line:col messages and exit codes.
import path from "node:path";
import { CollateralError, describeError, didYouMean, EXIT, printable } from "../model/index.js";
import { usage } from "./args.js";
import { HELP } from "./help.js";
import { red, useColor } from "./print.js";

type Runner = (argv: string[], root: string) => Promise<number>;

/** Commands load lazily, so `check` never pays for Puppeteer and `import` for neither. */
const COMMANDS: Record<string, () => Promise<Runner>> = {
  check: async () => (await import("./commands/check.js")).runCheck,
  fetch: async () => (await import("./commands/fetch.js")).runFetch,
  import: async () => (await import("./commands/import.js")).runImport,
  build: async () => (await import("./commands/build.js")).runBuild,
  watch: async () => (await import("./commands/watch.js")).runWatch,
  serve: async () => (await import("./commands/serve.js")).runServe,
  batch: async () => (await import("./commands/batch.js")).runBatch,
  users: async () => (await import("./commands/users.js")).runUsers,
  init: async () => (await import("./commands/init.js")).runInit,
};

export async function main(argv: string[]): Promise<void> {
  let finished = false;
  // Node exits quietly, with 0, when nothing is left to wait for: a command whose work never settled
  // (a bug) must not pass for a success in CI.
  process.once("beforeExit", () => {
    if (finished) return;
    process.stderr.write(
      "internal error (please report): the command stopped before it finished: something it waited for never settled\n",
    );
    process.exitCode = 3;
  });
  process.exitCode = await run(argv);
  finished = true;
}

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let root = process.cwd();
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      process.stdout.write(HELP);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === "--version" || command === "-v") {
      process.stdout.write(`${await version()}\n`);
      return EXIT.ok;
    }
    const load = COMMANDS[command];
    if (!load)
      throw usage(`unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}`);
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(HELP);
      return EXIT.ok;
    }
    root = rootOf(rest);
    return await (await load())(stripRoot(rest), root);
  } catch (error) {
    return report(error, root);
  }
}

function rootOf(argv: string[]): string {
  const i = argv.findIndex((a) => a === "--root" || a.startsWith("--root="));
  if (i < 0) return process.cwd();
  const value = argv[i]!.includes("=") ? argv[i]!.slice("--root=".length) : argv[i + 1];
  if (!value) throw usage("--root needs a folder");
  return path.resolve(value);
}

function stripRoot(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--root") i++;
    else if (!argv[i]!.startsWith("--root=")) out.push(argv[i]!);
  }
  return out;
}

function report(error: unknown, root: string): number {
  const on = useColor(process.stderr);
  if (error instanceof CollateralError) {
    process.stderr.write(
      `${red("error", on)}: ${printable(describeError(error, root), { newlines: true })}\n`,
    );
    return error.exitCode;
  }
  // Anything else is a bug in collateral, not bad input: show the stack so it can be reported.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${red("internal error", on)} (please report): ${detail}\n`);
  return 3;
}

/** The package's version: its package.json is the first one above this file (src/ or dist/src/). */
async function version(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  for (let up = "../"; up.length <= 15; up += "../") {
    try {
      const pkg = JSON.parse(await readFile(new URL(`${up}package.json`, import.meta.url), "utf8"));
      if (pkg.name === "collateral") return pkg.version as string;
    } catch {
      // Not here: one folder up.
    }
  }
  return "unknown";
}
