// `collateral watch`: build, then rebuild on every change; one line per rebuild; the last good output stays.
import { CollateralError } from "../../model/index.js";
import { type BuildOptions, Pipeline } from "../../pipeline.js";
import { type Change, WorkspaceWatcher } from "../../watch.js";
import { type OptionSpec, parseCommandArgs, positiveInt } from "../args.js";
import { dim, green, printMessages, red, useColor } from "../print.js";

export const watchOptions: OptionSpec = {
  serve: { type: "boolean" },
  port: { type: "string" },
  poll: { type: "boolean" },
  draft: { type: "boolean" },
};

export async function runWatch(argv: string[], root: string): Promise<number> {
  const { values } = parseCommandArgs("watch", argv, watchOptions);
  const pipeline = new Pipeline(root);
  const options: BuildOptions = { draft: values.draft === true, png: false };
  const preview = values.serve
    ? await (await import("../../server/preview.js")).startPreview(
        root,
        positiveInt("port", values.port, 4311),
      )
    : null;
  if (preview) process.stderr.write(`live preview at ${preview.url}\n`);
  await rebuild(pipeline, options, "first build", () => preview?.reload());
  const watcher = new WorkspaceWatcher(root, {
    usePolling: values.poll === true,
    rebuild: (changes) => rebuild(pipeline, options, describe(changes), () => preview?.reload()),
  });
  await watcher.ready();
  process.stderr.write(
    dim("watching sources/ and templates/ (Ctrl-C to stop)\n", useColor(process.stderr)),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await watcher.close();
  await preview?.close();
  await pipeline.close();
  return 0;
}

async function rebuild(
  pipeline: Pipeline,
  options: BuildOptions,
  what: string,
  done: () => void,
): Promise<void> {
  const on = useColor(process.stderr);
  const started = performance.now();
  try {
    const result = await pipeline.build(options);
    const ms = Math.round(performance.now() - started);
    const pieces = result.pieces.map((p) => p.piece).join(", ") || "nothing (output up to date)";
    const parsed = `parsed ${pipeline.documents.lastParsed} md, ${pipeline.cited.lastParsed} cited`;
    process.stderr.write(
      `${green("✔", on)} ${what} → ${pieces} ${dim(`(${parsed}) ${ms} ms`, on)}\n`,
    );
    printMessages(result.messages);
    done();
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const message = error instanceof CollateralError ? error.toString() : String(error);
    process.stderr.write(
      `${red("✖", on)} ${what} → build failed in ${ms} ms; kept the last good output\n`,
    );
    process.stderr.write(`${message.replace(/^/gm, "  ")}\n`);
  }
}

function describe(changes: Change[]): string {
  const files = changes.map((c) => c.file);
  return files.length <= 3 ? `${files.join(", ")} changed` : `${files.length} files changed`;
}
