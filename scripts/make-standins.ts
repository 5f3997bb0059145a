// `npm run standins`: writes the stand-in copies of the cited documents into sources/cited/.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CISSO_BLUEPRINT_FILE, makeCissoBlueprint } from "./standins/cisso-blueprint.js";
import { CISSP_OUTLINE_FILE, makeCisspOutline } from "./standins/cissp-outline.js";
import { makeNiccsPage, NICCS_PAGE_FILE } from "./standins/niccs-page.js";

const STANDINS: Array<[string, () => Promise<Buffer | string>]> = [
  [CISSO_BLUEPRINT_FILE, makeCissoBlueprint],
  [CISSP_OUTLINE_FILE, makeCisspOutline],
  [NICCS_PAGE_FILE, async () => makeNiccsPage()],
];

async function main(): Promise<void> {
  const sources = path.join(await repoRoot(import.meta.dirname), "sources");
  for (const [file, make] of STANDINS) {
    const target = path.join(sources, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await make());
    console.log(`wrote sources/${file}`);
  }
}

/** The nearest folder above `from` whose package.json is this project's: works from scripts/ and dist/scripts/. */
async function repoRoot(from: string): Promise<string> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name } = JSON.parse(await readFile(manifest, "utf8")) as { name?: string };
      if (name === "collateral") return dir;
    }
    if (path.dirname(dir) === dir) throw new Error("cannot find the collateral repository root");
  }
}

main().catch((error: unknown) => {
  console.error(`make-standins: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
