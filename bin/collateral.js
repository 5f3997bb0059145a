#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled into dist/ by `npm run build` (which `npm ci` runs).
import("../dist/bundle/main.js").then(
  (m) => m.main(process.argv.slice(2)),
  (error) => {
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/bundle"))
      throw error;
    process.stderr.write(
      "error: collateral is not built yet: run `npm run build` (npm ci runs it too)\n",
    );
    process.exitCode = 2;
  },
);
