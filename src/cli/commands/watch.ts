// `collateral watch`: build, then rebuild on every change; one line per rebuild; the last good output stays.
import { BrowserManager } from "../../export/browser.js";
import {
  CollateralError,
  describeError,
  fromWorkingFolder,
  printable,
  shownPosition,
} from "../../model/index.js";
import type { BuildOptions, BuildResult, Pipeline } from "../../pipeline.js";
import type { Change } from "../../watch.js";
import { type OptionSpec, parseCommandArgs, positiveInt, usage } from "../args.js";
import { dim, formatMessages, green, red, useColor } from "../print.js";
import { readLimitOptions, readLimits } from "../read-limits.js";
import { stopSignal } from "../stop-signal.js";

export const watchOptions: OptionSpec = {
  ...readLimitOptions,
  serve: { type: "boolean" },
  port: { type: "string" },
  poll: { type: "boolean" },
  draft: { type: "boolean" },
};

/** Runs until SIGINT or SIGTERM, then closes the watcher, the preview and Chromium, and returns 0. */
export async function runWatch(argv: string[], root: string): Promise<number> {
  const { values, positionals } = parseCommandArgs("watch", argv, watchOptions);
  if (positionals.length) throw usage(`watch takes no arguments (got "${positionals[0]}")`);
  const port = positiveInt("port", values.port, 4311);
  const limits = readLimits(values);
  const stop = stopSignal();
  // Chromium takes a second to start: spawn it first, then load the pipeline and parse while it boots.
  const browser = new BrowserManager();
  browser.launch().catch(() => undefined);
  try {
    const [{ Pipeline }, { WorkspaceWatcher }] = await Promise.all([
      import("../../pipeline.js"),
      import("../../watch.js"),
    ]);
    const pipeline = new Pipeline(root, { browser, readLimits: limits });
    const options: BuildOptions = { draft: values.draft === true, png: false, writeEach: true };
    const preview = values.serve
      ? await (await import("../../server/preview.js")).startPreview(root, port)
      : null;
    if (preview) process.stderr.write(`live preview at ${preview.url}\n`);
    const warnings = new Set<string>();
    const rebuild = async (what: string) => {
      if (await rebuildOnce(pipeline, options, what, warnings)) preview?.reload();
    };
    const first = rebuild("first build");
    const watcher = new WorkspaceWatcher(root, {
      usePolling: values.poll === true,
      after: first,
      rebuild: (changes) => rebuild(describe(changes, root)),
      onError: (error) => process.stderr.write(`${red("watch error", on())}: ${error.message}\n`),
    });
    await Promise.race([Promise.all([first, watcher.ready()]), stop.signalled]);
    if (!stop.stopped)
      process.stderr.write(
        dim("watching sources/, templates/ and assets/ (Ctrl-C to stop)\n", on()),
      );
    await stop.signalled;
    await watcher.close();
    await first;
    await preview?.close();
    await pipeline.close();
    process.stderr.write(dim("stopped watching\n", on()));
    return 0;
  } finally {
    // Also when the watch could not start (a port in use): Chromium is already up.
    await browser.close();
  }
}

const on = () => useColor(process.stderr);

/**
 * One build and its line; true when it succeeded. A failure is printed and the last good output stays.
 * `warnings` holds the lines printed by the last build that succeeded: only new ones are printed again.
 */
async function rebuildOnce(
  pipeline: Pipeline,
  options: BuildOptions,
  what: string,
  warnings: Set<string>,
) {
  const started = performance.now();
  const verifications = pipeline.verifications;
  const written: string[] = [];
  try {
    const result = await pipeline.build({ ...options, onPiece: (p) => written.push(p.piece) });
    const ms = Math.round(performance.now() - started);
    const done = rebuilt(pipeline, result, pipeline.verifications !== verifications);
    const lines = result.messages.map((m) => formatMessages([m], pipeline.root));
    const fresh = lines.filter((l) => !warnings.has(l));
    const same = lines.length - fresh.length;
    warnings.clear();
    for (const line of lines) warnings.add(line);
    const asBefore = same ? dim(` · ${same} warning(s) as before`, on()) : "";
    // One write per rebuild, its details included: a reader never sees the line without them.
    process.stderr.write(
      `${green("✔", on())} ${what} → ${done} ${dim(`in ${ms} ms`, on())}${asBefore}\n${fresh.join("")}${result.model.report.quotes
        .filter((q) => failing(q.status))
        .map(
          (q) =>
            `  ${shownPosition(q.position, pipeline.root)}: ${red(q.status, on())} “${printable(q.text)}”\n`,
        )
        .join("")}`,
    );
    return true;
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    // Pieces are written as they print: when a later one fails, the earlier ones are already new.
    const kept = written.length
      ? `wrote ${written.join(", ")}, kept the last good output of the rest`
      : "kept the last good output";
    process.stderr.write(
      `${red("✖", on())} ${what} → build failed in ${ms} ms; ${kept}\n${printable(errorText(error, pipeline.root), { newlines: true }).replace(/^/gm, "  ")}\n`,
    );
    return false;
  }
}

const failing = (status: string) => status !== "verified" && status !== "uncited";

/** What this build actually did: which files it parsed, whether it verified, which pieces it printed. */
function rebuilt(pipeline: Pipeline, result: BuildResult, verified: boolean): string {
  const parsed = [
    ...pipeline.documents.lastParsedFiles,
    ...(pipeline.documents.registryReparsed ? ["sources/sources.yaml"] : []),
    ...pipeline.cited.lastParsedFiles.map((f) => `sources/${f}`),
  ].map((f) => fromWorkingFolder(f, pipeline.root));
  const { quotes } = result.model.report.summary;
  const parts = [
    ...(parsed.length ? [`parsed ${parsed.join(", ")}`] : []),
    verified ? `verified ${quotes} quotes` : "verification reused",
    result.pieces.length
      ? `printed ${result.pieces.map((p) => p.piece).join(", ")}${result.unchanged ? ` (${result.unchanged} unchanged)` : ""}`
      : "no piece changed",
  ];
  return parts.join(" · ");
}

/** The error as a user reads it: file:line:col from the working folder, no stack for bad input. */
function errorText(error: unknown, root: string): string {
  if (error instanceof CollateralError) return describeError(error, root);
  return error instanceof Error ? error.message : String(error);
}

function describe(changes: Change[], root: string): string {
  const files = changes.map((c) => fromWorkingFolder(c.file, root));
  return files.length <= 3 ? `${files.join(", ")} changed` : `${files.length} files changed`;
}
