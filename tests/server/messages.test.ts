// The portal's words: each 400 names the field and says why; a broken save is said once, naming the quote.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningPortal, startPortal } from "../../src/server/index.js";
import { copyWorkspace } from "../helpers/workspace.js";
import { get } from "./helpers.js";

let root: string;
let portal: RunningPortal;

beforeAll(async () => {
  root = await copyWorkspace();
  portal = await startPortal(root, { port: 0 });
});

afterAll(async () => {
  await portal?.close();
});

const errorOf = async (query: string) => {
  const reply = await get(portal.url, `/one-pager.pdf?${query}`);
  expect(reply.status, reply.body.toString()).toBe(400);
  return (reply.json() as { error: string }).error;
};

describe("every 400 names the field and says why", () => {
  const cases: [string, string][] = [
    [
      "company=Acme",
      "invalid request: audience is missing: give an audience id (GET /api/audiences lists them)",
    ],
    ["audience=federal", "invalid request: company is missing: type the prospect's company"],
    ["audience=federal&company=", "invalid request: company is empty: type the prospect's name"],
    [
      "audience=federal&company=A&company=B",
      "invalid request: company is given 2 times: give it once",
    ],
    [
      "audience=federal&company=%E2%80%8B%20",
      "invalid request: company is blank: only spaces or invisible characters",
    ],
    [
      "audience=federal&company=Acme%0AInc",
      "invalid request: company holds a control character (U+000A), such as a line break or a tab",
    ],
    [
      "audience=federal&company=Acme&contact=%E2%80%AEevil",
      "invalid request: contact holds a direction-override character (U+202E), which would print the name reversed",
    ],
    [
      "audience=federal&company=a%CC%81%CC%81%CC%81%CC%81",
      "invalid request: company stacks more than three accents on one letter",
    ],
    [
      `audience=federal&company=${"x".repeat(81)}`,
      "invalid request: company is longer than 80 characters (81)",
    ],
    [
      "audience=fed%20eral&company=Acme",
      'invalid request: audience "fed eral" is not an audience id: letters, digits and hyphens, at most 64 (GET /api/audiences lists them)',
    ],
    [
      "audience=federl&company=Acme",
      'unknown audience "federl" (did you mean "federal"?) (known: early-career, security-managers, federal, training-organizations)',
    ],
    [
      "audience=federal&company=Acme&colour=red",
      'invalid request: unknown parameter "colour": this address takes no such parameter',
    ],
  ];
  for (const [query, error] of cases) {
    it(query.slice(0, 60), async () => {
      const said = await errorOf(query);
      expect(said).toBe(error);
      expect(said).not.toMatch(/must match pattern|must be string|querystring\//);
    });
  }

  it("takes an audience id in any case", async () => {
    const reply = await get(portal.url, "/one-pager.pdf?audience=FEDERAL&company=Case%20Co");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-disposition")).toContain("Case-Co-federal-one-pager.pdf");
  });
});

describe("a broken save, said once", () => {
  it("names each failing quote with its file:line:col, once however often the content is read", async () => {
    const source = path.join(root, "sources/cisso-vs-cissp.md");
    const good = await readFile(source, "utf8");
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const broken = good.replace(
        "there are no minimum requirements",
        "there are no maximum requirements",
      );
      // An editor saves the same text twice; the portal is asked from several pages meanwhile.
      for (let save = 0; save < 2; save++) {
        await writeFile(source, broken);
        for (const route of [
          "/",
          "/api/audiences",
          "/healthz",
          "/one-pager.pdf?audience=federal&company=Once%20Co",
        ]) {
          const reply = await get(portal.url, route);
          expect(reply.status, route).toBe(200);
        }
      }
    } finally {
      spy.mockRestore();
      await writeFile(source, good);
    }
    const said = lines.filter((l) => l.startsWith("portal:"));
    expect(said, said.join("")).toHaveLength(1);
    expect(said[0]).toMatch(
      /^portal: content fails verification; still serving the last verified content:\n {2}\S*\/sources\/cisso-vs-cissp\.md:\d+:\d+: not-found: “there are no maximum requirements/,
    );
  });
});
