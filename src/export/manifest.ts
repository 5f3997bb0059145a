// output/build.json: which build each piece in output/ comes from, so that pieces of two builds never pass for one.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Message } from "../model/index.js";
import { writeFileAtomic } from "./atomic-write.js";

export const MANIFEST_FILE = "build.json";

const ManifestSchema = z.object({
  version: z.literal(1),
  /** File (relative to output/) → its sha256 and the content it was built from. */
  files: z.record(z.object({ sha256: z.string(), content: z.string(), written: z.string() })),
});
type Manifest = z.infer<typeof ManifestSchema>;

/** The files a build writes and the manifest watches. */
const TRACKED = /^(brochure|one-pager|deck|deck-notes)\.pdf$|^deck\.pptx$|^claims\.json$/;

/**
 * Records in output/build.json, as each file lands, its hash and the content (sources, registry,
 * templates) it was built from. One writer at a time per output folder: updates are chained.
 */
export class OutputManifest {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly outDir: string,
    private readonly content: string,
  ) {}

  record(rel: string, bytes: Uint8Array | string): Promise<void> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    this.chain = this.chain.then(async () => {
      const manifest = (await readManifest(this.outDir)) ?? { version: 1, files: {} };
      manifest.files[rel] = { sha256, content: this.content, written: new Date().toISOString() };
      await writeFileAtomic(
        path.join(this.outDir, MANIFEST_FILE),
        `${JSON.stringify(manifest, null, 2)}\n`,
      );
    });
    return this.chain;
  }
}

async function readManifest(outDir: string): Promise<Manifest | null> {
  try {
    const parsed = ManifestSchema.safeParse(
      JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), "utf8")),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * What output/ holds that is not one build's: a piece whose bytes are not the ones recorded (a build
 * stopped between writing it and recording it), a piece no manifest knows, and pieces built from
 * different content (a build interrupted half-way, or `build --only`). Said as warnings, never silently.
 */
export async function inspectOutput(outDir: string): Promise<Message[]> {
  const { readdir } = await import("node:fs/promises");
  const present = (await readdir(outDir).catch(() => [] as string[])).filter((f) =>
    TRACKED.test(f),
  );
  if (present.length === 0) return [];
  const manifest = await readManifest(outDir);
  const at = { file: `output/${MANIFEST_FILE}`, line: 1, column: 1 };
  const warn = (reason: string): Message => ({ position: at, reason, rule: "output" });
  if (!manifest) {
    return [
      warn(
        `output/ holds ${present.join(", ")} but no record of the build they came from: run collateral build`,
      ),
    ];
  }
  const problems: Message[] = [];
  const contents = new Set<string>();
  for (const file of present) {
    const entry = manifest.files[file];
    const bytes = await readFile(path.join(outDir, file)).catch(() => null);
    const sha256 = bytes && createHash("sha256").update(bytes).digest("hex");
    if (!entry || entry.sha256 !== sha256) {
      problems.push(
        warn(
          `output/${file} is not the one the last build recorded (a build was interrupted?): run collateral build`,
        ),
      );
    } else contents.add(entry.content);
  }
  if (contents.size > 1) {
    problems.push(
      warn(
        "output/ holds pieces built from different versions of the content: run collateral build to make them one",
      ),
    );
  }
  return problems;
}
