import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Chromium-heavy suites share a 2-core machine: keep file-level parallelism modest.
    maxWorkers: 2,
  },
});
