// The lock's warnings reach every report format, and build warns (without failing) when it prints from a copy that is not the locked one.
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message, Report } from "../../src/model/index.js";
import { POLICY_V1, policyPdf } from "../fixtures/live/documents.js";
import { type Entry, workspaceFor } from "../fixtures/live/one-source.js";
import { runCli } from "../helpers/workspace.js";

const ENTRIES: Entry[] = [
  { id: "policy", url: "https://example.com/policy.pdf", file: "cited/policy.pdf" },
  { id: "second", url: "https://example.com/second.pdf", file: "cited/second.pdf" },
];

describe("lock warnings in every format; build's drift warning", () => {
  let root: string;
  let v1: Buffer;
  const check = (format: string) => runCli(["check", "--offline", "--format", format], root);

  beforeAll(async () => {
    v1 = await policyPdf(POLICY_V1);
    root = await workspaceFor(ENTRIES, { "cited/policy.pdf": v1, "cited/second.pdf": v1 });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("no lock at all: json messages, a github ::warning and a junit warnings case say so; nothing fails", async () => {
    const json = await check("json");
    expect(json.code).toBe(0);
    const messages = (JSON.parse(json.stdout) as Report & { messages: Message[] }).messages;
    expect(messages.map((m) => m.rule)).toEqual(["lock-missing"]);
    expect(messages[0]?.position).toEqual({ file: "sources/sources.yaml", line: 1, column: 1 });

    const github = await check("github");
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(
      /^::warning file=sources\/sources\.yaml,line=1,col=1,title=Cited documents not locked::no sources\/sources\.lock/m,
    );
    const junit = await check("junit");
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toMatch(
      /<testsuite name="warnings" tests="1" failures="0"[^>]*>\s*<testcase classname="warnings" name="Cited documents not locked" file="sources\/sources\.yaml" line="1"><system-out>warning: /,
    );
  });

  it("an entry nothing locks: a warning at its line in sources.yaml, in each format", async () => {
    expect((await runCli(["fetch", "--local", "policy"], root)).code).toBe(0);
    const json = await check("json");
    const messages = (JSON.parse(json.stdout) as Report & { messages: Message[] }).messages;
    expect(messages).toEqual([
      expect.objectContaining({
        rule: "lock-entry-missing",
        position: { file: "sources/sources.yaml", line: 5, column: 3 },
      }),
    ]);
    expect((await check("github")).stdout).toMatch(
      /^::warning file=sources\/sources\.yaml,line=5,col=3,title=Cited document not locked::second has no entry/m,
    );
    expect((await check("junit")).stdout).toMatch(
      /<testcase classname="warnings" name="Cited document not locked" file="sources\/sources\.yaml" line="5">/,
    );
  });

  it("build prints from a copy edited since it was locked, with one warning line naming it (exit 0)", async () => {
    expect((await runCli(["fetch", "--local"], root)).code).toBe(0);
    // The same text in new bytes: every quote still verifies, so only the lock can tell.
    await writeFile(
      path.join(root, "sources/cited/policy.pdf"),
      await policyPdf(POLICY_V1, "edited"),
    );
    const build = await runCli(["build", "--only", "one-pager"], root);
    expect(build.code).toBe(0);
    const drift = build.stderr.split("\n").filter((l) => l.includes("[lock-drift]"));
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatch(
      /^sources\/sources\.yaml:1:3: warning: the local copy cited\/policy\.pdf is not the copy locked in sources\/sources\.lock/,
    );
    // check is the gate: it fails, and says it in its report rather than in the drift line.
    const run = await runCli(["check", "--offline"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("[lock-drift]");
  });
});
