// Review finding 6: check --live fails when a URL answers 2xx but gives no document to check the quotes against.
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/model/index.js";
import { POLICY_V1, policyPdf } from "../fixtures/live/documents.js";
import { type Entry, workspaceFor } from "../fixtures/live/one-source.js";
import { type DocServer, type Handler, startDocServer, status } from "../fixtures/live/server.js";
import { runCli } from "../helpers/workspace.js";

describe("check --live with no document in a 2xx answer", () => {
  let server: DocServer;
  let root: string;
  let report: Report;
  let code: number | null;
  let github: string;

  beforeAll(async () => {
    server = await startDocServer();
    const body = await policyPdf(POLICY_V1);
    const cases: Record<string, Handler> = {
      "over-cap": (_req, res) =>
        res
          .writeHead(200, {
            "content-type": "application/pdf",
            "content-length": body.length + 50_000,
          })
          .end(Buffer.concat([body, Buffer.alloc(50_000, 0x20)])),
      stalled: (_req, res) => {
        res.writeHead(200, { "content-type": "application/pdf" });
        res.write(body.subarray(0, 100));
      },
      "no-content": (_req, res) => res.writeHead(204).end(),
      partial: (_req, res) =>
        res
          .writeHead(206, {
            "content-type": "application/pdf",
            "content-range": `bytes 0-99/${body.length}`,
          })
          .end(body.subarray(0, 100)),
      forbidden: status(403),
    };
    const entries: Entry[] = Object.keys(cases).map((id) => ({
      id,
      url: `${server.base}/${id}.pdf`,
      file: `cited/${id}.pdf`,
    }));
    for (const [id, handler] of Object.entries(cases)) server.route(`/${id}.pdf`, handler);
    root = await workspaceFor(entries, Object.fromEntries(entries.map((e) => [e.file, body])));
    expect((await runCli(["fetch", "--local"], root)).code).toBe(0);
    // 403 is accepted: a site that refuses robots; its live check stays unreachable, as the user chose.
    const args = ["--live", "--allow-private-network", "--no-cache", "--max-bytes", "10000"];
    const timing = ["--timeout", "1500", "--accept", "403"];
    const run = await runCli(["check", ...args, ...timing, "--format", "json"], root);
    code = run.code;
    report = JSON.parse(run.stdout) as Report;
    github = (await runCli(["check", ...args, ...timing, "--format", "github"], root)).stdout;
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it("fails the run (exit 1) though every link is ok", () => {
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.links.every((l) => l.status === "ok")).toBe(true);
  });

  it("gives each such source the live status no-document, with why, and counts them", () => {
    const live = Object.fromEntries((report.sources ?? []).map((s) => [s.id, s.live]));
    expect(live["over-cap"]).toMatchObject({ status: "no-document", httpStatus: 200 });
    expect(live["over-cap"]?.reason).toMatch(/larger than the 10 KB cap/);
    expect(live.stalled).toMatchObject({ status: "no-document", httpStatus: 200 });
    expect(live.stalled?.reason).toMatch(/the body stalled/);
    expect(live["no-content"]).toMatchObject({ status: "no-document", httpStatus: 204 });
    expect(live.partial).toMatchObject({ status: "no-document", httpStatus: 206 });
    expect(live.forbidden).toMatchObject({ status: "unreachable", httpStatus: 403 });
    expect(report.summary.live).toMatchObject({ noDocument: 4, unreachable: 1 });
    expect(report.quotes.every((q) => q.live?.status === "not-checked")).toBe(true);
  });

  it("annotates each at its registry entry in the github format", () => {
    const errors = github
      .split("\n")
      .filter((l) => l.includes("title=Cited URL answered without the document"));
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^::error file=sources\/sources\.yaml,line=1,col=3,/);
  });
});
