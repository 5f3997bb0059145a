// The shared corpus of real PDFs written by others (../shared/corpus): read there, never copied into the project.
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** Where the corpus lives beside the project, and whether this machine has it. */
export const CORPUS_DIR = path.resolve(import.meta.dirname, "../../../shared/corpus/pdf");
export const HAS_CORPUS = existsSync(CORPUS_DIR);

/** Why a corpus test did not run, said in the test report. */
export const NO_CORPUS = `the shared corpus is not here (${CORPUS_DIR}): a clone outside the workplace skips these tests`;

/** The corpus's PDFs by file name (empty when the corpus is absent). */
export function corpusFiles(): string[] {
  return HAS_CORPUS
    ? readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith(".pdf"))
        .sort()
    : [];
}

export function readCorpusFile(name: string): Promise<Buffer> {
  return readFile(path.join(CORPUS_DIR, name));
}
