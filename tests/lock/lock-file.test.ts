// sources/sources.lock: a stable text, and bad input named by file:line:column (exit 2), never a stack trace.
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatLock } from "../../src/lock/lock-file.js";
import { builtSuggestion } from "../../src/verify/archive/suggest.js";
import { notTheDocument } from "../../src/verify/live/document-kind.js";
import { copyWorkspace, runCli } from "../helpers/workspace.js";

const ENTRY = {
  file: "cited/a.pdf",
  sha256: "a".repeat(64),
  size: 10,
  url: "https://example.org/a.pdf",
  finalUrl: null,
  etag: null,
  lastModified: null,
  contentType: null,
  fetched: null,
  quotes: [],
};

describe("the lock file", () => {
  it("is written in id order with a fixed field order, whatever order it was built in", () => {
    const text = formatLock({
      lockVersion: 1,
      sources: { zeta: { ...ENTRY, quotes: [] }, alpha: { quotes: [], ...ENTRY } },
    });
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
    expect(text.endsWith("}\n")).toBe(true);
    expect(formatLock(JSON.parse(text))).toBe(text);
  });

  describe("bad input", () => {
    let root: string;
    beforeAll(async () => {
      root = await copyWorkspace();
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it("invalid JSON: exit 2 naming sources/sources.lock:line:column", async () => {
      await writeFile(
        path.join(root, "sources/sources.lock"),
        '{\n  "lockVersion": 1,\n  "sources": {,}\n}\n',
      );
      const run = await runCli(["check", "--offline"], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^error: sources\/sources\.lock:3:\d+: sources\/sources\.lock is not valid JSON/,
      );
      expect(run.stderr).not.toMatch(/at .*\.js/);
    });

    it("a field of the wrong shape: exit 2 at the key", async () => {
      const lock = { lockVersion: 1, sources: { "cisso-blueprint": { ...ENTRY, sha256: "nope" } } };
      await writeFile(path.join(root, "sources/sources.lock"), JSON.stringify(lock, null, 2));
      const run = await runCli(["check", "--offline"], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /sources\/sources\.lock:6:\d+: sources\/sources\.lock: sources\.cisso-blueprint\.sha256: sha256 must be 64/,
      );
    });

    it("no lock at all: the quotes still decide, with one warning saying how to lock", async () => {
      await rm(path.join(root, "sources/sources.lock"));
      const run = await runCli(["check", "--offline"], root);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(
        /warning: no sources\/sources\.lock: .*collateral fetch.*\[lock-missing\]/,
      );
    });
  });
});

describe("what a URL serves", () => {
  it("a PDF must start like one; a page must be markup", () => {
    expect(notTheDocument(Buffer.from("%PDF-1.7\n…"), "cited/a.pdf", "application/pdf")).toBeNull();
    expect(
      notTheDocument(Buffer.from("<html><title>Log in</title></html>"), "cited/a.pdf", "text/html"),
    ).toBe("the URL now serves an HTML page (“Log in”) instead of a PDF");
    expect(notTheDocument(Buffer.from("%PDF-1.7"), "cited/a.html", "application/pdf")).toMatch(
      /a PDF instead of a web page/,
    );
    expect(
      notTheDocument(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]), "cited/a.html", "application/zip"),
    ).toMatch(/application\/zip \(binary\)/);
  });
});

describe("an archive suggestion", () => {
  it("is the Wayback URL nearest the accessed date, the fragment dropped, as lychee builds it", () => {
    expect(builtSuggestion("https://example.org/a.pdf#page=2", "20261124")).toEqual({
      url: "https://web.archive.org/web/20261124/https://example.org/a.pdf",
      kind: "built",
      timestamp: "20261124",
    });
    expect(builtSuggestion("https://example.org/", null).url).toBe(
      "https://web.archive.org/web/https://example.org/",
    );
  });
});

describe("collateral check --live in this repository, with no network", () => {
  let root: string;
  beforeAll(async () => {
    root = await copyWorkspace();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("says unreachable for the three URLs and still verifies every quote against the local copies", async () => {
    const run = await runCli(["check", "--live", "--format", "json"], root);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ quotes: 3, verified: 3, failed: 0 });
    expect(report.sources.map((s: { lock: string }) => s.lock)).toEqual([
      "locked",
      "locked",
      "locked",
    ]);
    // Should this machine have a network after all, a live answer is fine; without one each is unreachable.
    for (const source of report.sources) {
      expect([
        "unreachable",
        "unchanged",
        "changed-quotes-hold",
        "changed-quote-gone",
        "not-a-document",
      ]).toContain(source.live.status);
      if (source.live.status === "unreachable")
        expect(source.live.reason).toMatch(/the local copy stays the evidence/);
    }
    for (const link of report.links.filter((l: { status: string }) => l.status === "broken")) {
      expect(link.archive.url).toMatch(/^https:\/\/web\.archive\.org\/web\/20261124\/https:\/\//);
    }
  }, 90_000);
});
