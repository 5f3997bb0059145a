// `collateral users FILE NAME`: adds NAME to the portal's users file, or sets their password (read from stdin or asked for).
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { writeFileAtomic } from "../../export/atomic-write.js";
import { userLine } from "../../server/index.js";
import { parseCommandArgs, usage } from "../args.js";

export async function runUsers(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs("users", argv, {});
  const [file, name] = positionals;
  if (!file || !name || positionals.length > 2) throw usage("users takes FILE and NAME");
  const password = await readPassword(name);
  const line = await userLine(name, password);
  const existing = await readFile(file, "utf8").catch(() => "");
  const kept = existing.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith(`${name}:`));
  await writeFileAtomic(file, `${[...kept, line].join("\n")}\n`);
  process.stderr.write(`${name} can sign in to the portal (serve --users ${file})\n`);
  return 0;
}

/** The password: asked for on a terminal, else the first line of stdin. */
async function readPassword(name: string): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: process.stdin.isTTY,
  });
  try {
    if (!process.stdin.isTTY) {
      for await (const line of rl) return line;
      return "";
    }
    return await rl.question(`password for ${name}: `);
  } finally {
    rl.close();
  }
}
