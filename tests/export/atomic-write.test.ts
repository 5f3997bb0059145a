// Atomic writes: the folder is made, the file appears whole, no temp file is left behind.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/export/atomic-write.js";

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "collateral-atomic-"));
  made.push(dir);
  return dir;
}

describe("writeFileAtomic", () => {
  it("creates missing folders and writes text or bytes", async () => {
    const dir = await scratch();
    const file = path.join(dir, "a/b/out.txt");
    await writeFileAtomic(file, "hello");
    expect(await readFile(file, "utf8")).toBe("hello");
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
    expect(await readdir(path.dirname(file))).toEqual(["out.txt"]);
  });

  it("leaves one whole version when writers race", async () => {
    const dir = await scratch();
    const file = path.join(dir, "race.txt");
    const versions = Array.from({ length: 8 }, (_, i) => String(i).repeat(100_000));
    await Promise.all(versions.map((v) => writeFileAtomic(file, v)));
    expect(versions).toContain(await readFile(file, "utf8"));
    expect(await readdir(dir)).toEqual(["race.txt"]);
  });
});
