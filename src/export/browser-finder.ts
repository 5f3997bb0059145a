// Where Chromium lives: the environment's choice first, then the usual install paths.
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { CollateralError } from "../model/index.js";

export const CHROMIUM_PATHS: readonly string[] = [
  // Chromium's headless shell first (Debian's chromium-headless-shell): built for automation, it starts in
  // half the time of the full browser and prints a one-pager about three times faster.
  "/usr/lib/chromium/chromium-headless-shell",
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export const HOW_TO_GET_CHROMIUM =
  "apt-get install -y chromium-headless-shell (or chromium), or set PUPPETEER_EXECUTABLE_PATH to a chrome-headless-shell, Chromium or Chrome binary";

/** Whether a binary is Chromium's headless shell (Debian's chromium-headless-shell, Chrome for Testing's chrome-headless-shell). */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell/i.test(path.basename(executablePath));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable among $PUPPETEER_EXECUTABLE_PATH, $CHROME_PATH and the usual paths. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  candidates = CHROMIUM_PATHS,
): string {
  for (const name of ["PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"] as const) {
    const preferred = env[name];
    if (!preferred) continue;
    if (isExecutable(preferred)) return preferred;
    throw new CollateralError(
      `${name}=${preferred} is not an executable file: ${HOW_TO_GET_CHROMIUM}`,
      {
        rule: "browser",
      },
    );
  }
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new CollateralError(
    `Chromium was not found (looked in ${candidates.join(", ")}): ${HOW_TO_GET_CHROMIUM}`,
    {
      rule: "browser",
    },
  );
}
