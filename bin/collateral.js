#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled into dist/ by `npm run build` (which `npm ci` runs).
import("../dist/bundle/main.js").then((m) => m.main(process.argv.slice(2)));
