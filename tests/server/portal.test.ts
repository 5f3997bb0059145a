// The sales portal end to end: a real server on loopback, real Chromium, the PDFs read back.
import { readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPortal, startPortal } from "../../src/server/index.js";
import { copyWorkspace } from "../helpers/workspace.js";
import {
  alive,
  eventually,
  get,
  onePagerPath,
  pageCount,
  preparedFor,
  type Reply,
  textOf,
} from "./helpers.js";

let root: string;
let portal: RunningPortal;

beforeAll(async () => {
  root = await copyWorkspace();
  portal = await startPortal(root, { port: 0 });
});

afterAll(async () => {
  await portal?.close();
});

const request = (pathAndQuery: string) => get(portal.url, pathAndQuery);

function expectJsonError(reply: Reply, status = 400): void {
  expect(reply.status, reply.body.toString()).toBe(status);
  expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
  expect(reply.json()).toEqual({ error: expect.any(String) });
}

describe("routes", () => {
  it("listens on the loopback address it was given, on a port of its own", () => {
    expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(portal.url).not.toBe("http://127.0.0.1:4310/");
  });

  it("serves the sales page: a form with one labelled radio per audience, under a strict CSP", async () => {
    const page = await request("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");

    const html = page.body.toString("utf8");
    expect(html).toContain('<form method="get" action="/one-pager.pdf">');
    expect(html).toMatch(/<input name="company" required maxlength="80"/);
    expect(html).toMatch(/<input name="contact" maxlength="80"/);
    expect(html).not.toMatch(/<script/i);
    const audiences = (await request("/api/audiences")).json() as { id: string; label: string }[];
    for (const { id, label } of audiences) {
      const card = html.slice(html.indexOf(`for="aud-${id}"`));
      expect(card).toMatch(new RegExp(`^for="aud-${id}">\\s*<input type="radio" name="audience"`));
      expect(card.slice(0, card.indexOf("</label>"))).toContain(
        `<span class="label">${label}</span>`,
      );
    }
    // The first audience is chosen already, so the form can be sent as it comes.
    expect(html.match(/ checked>/g)).toHaveLength(1);
  });

  it("serves the stylesheet the page links to", async () => {
    const css = await request("/assets/portal.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const text = css.body.toString();
    expect(text).toContain(".card:has(input:checked)");
    expect(text).not.toContain("@import");
    // The theme's colours and type, but not the pieces' paper layout (a body 8.5 in wide on a grey desk).
    expect(text).toContain("--navy:");
    expect(text).not.toContain("8.5in");
    expect(text).not.toContain("@page");
  });

  it("serves the typefaces the stylesheet names, and nothing else from that folder", async () => {
    const css = (await request("/assets/portal.css")).body.toString();
    const font = css.match(/url\("(\/assets\/fonts\/inter-latin-400-normal\.woff2)"\)/)?.[1];
    expect(font).toBeDefined();
    const reply = await request(font!);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("font/woff2");
    expect(reply.body.subarray(0, 4).toString()).toBe("wOF2");
    expectJsonError(await request("/assets/fonts/nope.woff2"), 404);
    expectJsonError(await request("/assets/fonts/..%2F..%2Fpackage.json"), 404);
  });

  it("serves the tab icon the page links to", async () => {
    const icon = await request("/assets/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(icon.body.toString()).toMatch(/^<svg /);
  });

  it("reports healthy with the render queue's state", async () => {
    const health = await request("/healthz");
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({
      ok: true,
      queue: { running: 0, waiting: 0 },
      memoryMiB: { portal: expect.any(Number) },
      renders: expect.any(Number),
    });
  });

  it("lists the audiences of the front matter as JSON", async () => {
    const audiences = await request("/api/audiences");
    expect(audiences.status).toBe(200);
    const list = audiences.json() as { id: string; label: string; claims: string[] }[];
    expect(list.map((a) => a.id)).toEqual([
      "early-career",
      "security-managers",
      "federal",
      "training-organizations",
    ]);
    expect(list[2]).toEqual({
      id: "federal",
      label: "Federal and DoD teams",
      claims: expect.arrayContaining([
        "alignment-with-us-federal-standards--recognized-accreditation",
      ]),
    });
  });

  it("renders a one-pager for the prospect, as a one-page PDF download with a safe name", async () => {
    const reply = await request(
      onePagerPath({ audience: "federal", company: "Acme Federal, Inc.", contact: "Jordan Lee" }),
    );
    expect(reply.status, reply.body.toString()).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/pdf");
    expect(reply.headers.get("cache-control")).toBe("no-store");
    expect(reply.headers.get("content-disposition")).toBe(
      `attachment; filename="Acme-Federal-Inc-federal-one-pager.pdf"; filename*=UTF-8''Acme-Federal-Inc-federal-one-pager.pdf`,
    );
    expect(reply.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await pageCount(reply.body)).toBe(1);
    const text = await textOf(reply.body);
    expect(preparedFor(text)).toMatch(/^AcmeFederal,Inc\./);
    expect(text).toContain("Jordan Lee");
    expect(text.toUpperCase()).toContain("FEDERAL AND DOD TEAMS");
  });

  it("names the download with the company's own letters too (filename*), ASCII as the fallback", async () => {
    const reply = await request(onePagerPath({ audience: "federal", company: "Ünïcode Lab" }));
    expect(reply.status, reply.body.toString()).toBe(200);
    expect(reply.headers.get("content-disposition")).toBe(
      `attachment; filename="Unicode-Lab-federal-one-pager.pdf"; filename*=UTF-8''%C3%9Cn%C3%AFcode-Lab-federal-one-pager.pdf`,
    );
  });

  it("treats an empty contact like no contact", async () => {
    const reply = await request(
      onePagerPath({ audience: "early-career", company: "Blank Co", contact: "" }),
    );
    expect(reply.status).toBe(200);
    expect(preparedFor(await textOf(reply.body))).toMatch(/^BlankCo/);
  });

  it("serves a PNG preview of an audience's one-pager", async () => {
    const reply = await request("/preview.png?audience=security-managers");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("image/png");
    expect([...reply.body.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  });

  it.each([
    ["brochure", "brochure.pdf"],
    ["deck", "deck.pdf"],
  ])("builds and serves the %s", async (piece, fileName) => {
    const reply = await request(`/${fileName}`);
    expect(reply.status, reply.body.toString()).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/pdf");
    expect(reply.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="${piece}\\.pdf"`),
    );
    expect(await pageCount(reply.body)).toBeGreaterThan(1);
    expect(await textOf(reply.body)).toContain("CISSO");
  });

  it("serves the deck as editable PowerPoint slides, built with deck.pdf", async () => {
    const reply = await request("/deck.pptx");
    expect(reply.status, reply.body.toString()).toBe(200);
    expect(reply.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    expect(reply.headers.get("content-disposition")).toMatch(/^attachment; filename="deck\.pptx"/);
    expect(reply.body.subarray(0, 2).toString()).toBe("PK");
    expect((await request("/")).body.toString()).toContain('href="/deck.pptx"');
  });

  it("answers an unknown path with a JSON 404", async () => {
    expectJsonError(await request("/admin"), 404);
    expectJsonError(await request("/../../etc/passwd"), 404);
  });
});

describe("bad input gets a 400 with a JSON error, never a 500", () => {
  const long = "x".repeat(81);

  it.each([
    [
      "an unknown audience",
      { audience: "astronauts", company: "Acme" },
      /unknown audience "astronauts"/,
    ],
    ["an audience that is not an id", { audience: "__proto__", company: "Acme" }, /audience/],
    [
      "an audience named like an object key",
      { audience: "constructor", company: "Acme" },
      /unknown audience/,
    ],
    ["an empty company", { audience: "federal", company: "" }, /company/],
    ["a blank company", { audience: "federal", company: "   " }, /company/],
    ["a company over 80 characters", { audience: "federal", company: long }, /company.*80/],
    ["a company with a NUL", { audience: "federal", company: "Acme\u0000" }, /company/],
    [
      "a company with a line break",
      { audience: "federal", company: "Acme\r\nX-Evil: 1" },
      /company/,
    ],
    ["a company with a tab", { audience: "federal", company: "Ac\tme" }, /company/],
    ["a company with a C1 control", { audience: "federal", company: "Acme\u0085" }, /company/],
    ["a company with a bidi override", { audience: "federal", company: "\u202eemca" }, /company/],
    [
      "an invisible company (a zero-width space)",
      { audience: "federal", company: "\u200b" },
      /company/,
    ],
    ["a company of Braille blanks", { audience: "federal", company: "\u2800\u2800" }, /company/],
    ["a company of Hangul fillers", { audience: "federal", company: "\u3164" }, /company/],
    [
      "a company with accents stacked up the page",
      { audience: "federal", company: `A${"\u0301".repeat(79)}` },
      /company/,
    ],
    [
      "a contact over 80 characters",
      { audience: "federal", company: "Acme", contact: long },
      /contact.*80/,
    ],
    [
      "a contact with control characters",
      { audience: "federal", company: "Acme", contact: "a\u0007" },
      /contact/,
    ],
    ["no company", { audience: "federal" }, /company/],
    ["no audience", { company: "Acme" }, /audience/],
    ["nothing at all", {}, /audience is missing/],
  ])("refuses %s", async (_what, params, message) => {
    const reply = await request(onePagerPath(params as Record<string, string>));
    expectJsonError(reply);
    expect((reply.json() as { error: string }).error).toMatch(message);
  });

  it("refuses a parameter given twice", async () => {
    expectJsonError(await request("/one-pager.pdf?audience=federal&company=a&company=b"));
    expectJsonError(await request("/one-pager.pdf?audience=federal&audience=deck&company=a"));
    expectJsonError(await request("/one-pager.pdf?audience[]=federal&company=a"));
  });

  it("refuses a long query with a 400, and one too long to read with a 4xx", async () => {
    const long = await request(onePagerPath({ audience: "federal", company: "y".repeat(8000) }));
    expectJsonError(long);
    const huge = await request(onePagerPath({ audience: "federal", company: "z".repeat(20_000) }));
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
  });

  it("refuses a preview for an unknown or missing audience", async () => {
    expectJsonError(await request("/preview.png?audience=astronauts"));
    expectJsonError(await request("/preview.png"));
    expectJsonError(await request("/preview.png?audience=../../etc"));
  });

  it("keeps the security headers on errors too", async () => {
    const reply = await request(onePagerPath({ audience: "nope", company: "Acme" }));
    expect(reply.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers a malformed URL or an over-long path like any bad request: JSON, security headers", async () => {
    for (const path of ["/%", "/assets/fonts/%E0%A4%A", `/assets/fonts/${"a".repeat(300)}`]) {
      const reply = await request(path);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.status, path).toBeLessThan(500);
      expect(reply.json(), path).toHaveProperty("error");
      expect(reply.headers.get("content-security-policy"), path).toContain("default-src 'none'");
    }
  });

  it("keeps the security headers on a request Node refuses before the portal sees it (431)", async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(portal.url).port), "127.0.0.1");
      let data = "";
      socket.on("data", (d) => {
        data += d;
      });
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
      socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 431 /);
    expect(reply).toMatch(/content-security-policy: default-src 'none'/i);
  });

  it("refuses a malformed escape and an unknown parameter with a sentence, never a 500", async () => {
    const broken = await request("/one-pager.pdf?audience=federal&company=%ZZ");
    expect(broken.status).toBe(400);
    expect(broken.body.toString()).toMatch(/broken percent-escape/);
    const unknown = await request("/one-pager.pdf?audience=federal&company=Acme&size=a3");
    expect(unknown.status).toBe(400);
    expect(unknown.body.toString()).toMatch(/size/);
  });

  it("does not break on odd but valid input (emoji, a mail campaign's utm_ parameters)", async () => {
    for (const query of [
      "/one-pager.pdf?audience=federal&company=%F0%9F%9B%A1%EF%B8%8F%20Shield",
      "/one-pager.pdf?audience=federal&company=Acme&utm_source=mail",
    ]) {
      const reply = await request(query);
      expect(reply.status, `${query}: ${reply.body.toString()}`).toBe(200);
      expect(reply.headers.get("content-type")).toBe("application/pdf");
    }
  });
});

describe("cache", () => {
  it("serves the same audience, company and contact from the cache the second time", async () => {
    const params = { audience: "security-managers", company: "Cache Corp", contact: "Ann Example" };
    const hitsBefore = portal.backend.cacheHits;
    const first = await request(onePagerPath(params));
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("miss");
    const second = await request(onePagerPath(params));
    expect(second.status).toBe(200);
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(second.body.equals(first.body)).toBe(true);
    expect(portal.backend.cacheHits).toBe(hitsBefore + 1);
  });

  it("renders anew when the contact differs", async () => {
    const other = await request(
      onePagerPath({ audience: "security-managers", company: "Cache Corp", contact: "Bo Example" }),
    );
    expect(other.headers.get("x-cache")).toBe("miss");
    expect(await textOf(other.body)).toContain("Bo Example");
  });
});

describe("text typed by a user is printed as text", () => {
  it.each([
    ["<script>alert(1)</script>", "script-alert-1-script"],
    ["{{constructor}}", "constructor"],
    [`"quotes" & 'apostrophes'`, "quotes-apostrophes"],
    ["\u200fRTL Holdings", "RTL-Holdings"],
    ["{{#each this}}x{{/each}}", "each-this-x-each"],
    ["../../etc/passwd", "etc-passwd"],
  ])("prints %j literally on one page, with a safe file name", async (company, stem) => {
    const reply = await request(onePagerPath({ audience: "federal", company }));
    expect(reply.status, reply.body.toString()).toBe(200);
    expect(await pageCount(reply.body)).toBe(1);
    // Invisible marks (U+200F) print no glyph, so the text may or may not carry them; the rest reads as typed.
    const visible = (text: string) => text.replace(/[\s\u200e\u200f]+/g, "");
    expect(visible(preparedFor(await textOf(reply.body))).startsWith(visible(company))).toBe(true);
    const disposition = reply.headers.get("content-disposition") ?? "";
    expect(disposition).toBe(
      `attachment; filename="${stem}-federal-one-pager.pdf"; filename*=UTF-8''${stem}-federal-one-pager.pdf`,
    );
    const fileName = disposition.match(/filename="([^"]*)"/)?.[1] ?? "";
    expect(fileName).not.toMatch(/["'\\/\r\n]/);
  });

  it("fits the longest name allowed, in wide letters, on the one page", async () => {
    const reply = await request(
      onePagerPath({
        audience: "security-managers",
        company: "W".repeat(80),
        contact: "M".repeat(80),
      }),
    );
    expect(reply.status, reply.body.toString()).toBe(200);
    expect(await pageCount(reply.body)).toBe(1);
    expect(preparedFor(await textOf(reply.body))).toContain("W".repeat(80));
  });
});

describe("a browser that dies", () => {
  it("is relaunched: a request after Chromium was killed is served", async () => {
    const first = await request(onePagerPath({ audience: "federal", company: "Before Crash" }));
    expect(first.status).toBe(200);
    const chromium = portal.backend.pipeline.browser.process;
    expect(chromium?.pid).toBeTypeOf("number");
    chromium!.kill("SIGKILL");
    expect(await eventually(() => !alive(chromium!.pid!))).toBe(true);

    // The request that meets the dead browser is tried again on a fresh one: the salesperson never sees the crash.
    const meeting = await request(onePagerPath({ audience: "federal", company: "During Crash" }));
    expect(meeting.status, meeting.body.toString()).toBe(200);
    expect(preparedFor(await textOf(meeting.body))).toMatch(/^DuringCrash/);
    const after = await request(onePagerPath({ audience: "federal", company: "After Crash" }));
    expect(after.status, after.body.toString()).toBe(200);
    expect(preparedFor(await textOf(after.body))).toMatch(/^AfterCrash/);
    expect(portal.backend.pipeline.browser.process?.pid).not.toBe(chromium!.pid);
    expect((await request("/healthz")).status).toBe(200);
  });

  it("is relaunched when it dies in the middle of a render", async () => {
    const pending = request(onePagerPath({ audience: "early-career", company: "Mid Render" }));
    // Wait until the render holds the queue, then kill the browser under it.
    await eventually(async () => {
      const { queue } = (await request("/healthz")).json() as { queue: { running: number } };
      return queue.running > 0;
    });
    portal.backend.pipeline.browser.process?.kill("SIGKILL");
    const meeting = await pending;
    expect([200, 503]).toContain(meeting.status);
    const after = await request(
      onePagerPath({ audience: "early-career", company: "Mid Render 2" }),
    );
    expect(after.status, after.body.toString()).toBe(200);
  });
});

describe("content edited while the portal runs", () => {
  const source = () => path.join(root, "sources", "cisso-vs-cissp.md");

  it("shows a renamed claim in the next one-pager, without a restart", async () => {
    const before = await request(onePagerPath({ audience: "federal", company: "Edit Co" }));
    expect(await textOf(before.body)).not.toContain("Mapped Straight to Federal Standards");

    const markdown = await readFile(source(), "utf8");
    // Renaming the heading renames the claim: the audiences that list it follow.
    const edited = markdown
      .replace(
        "## Alignment with U.S. Federal Standards & Recognized Accreditation",
        "## Mapped Straight to Federal Standards",
      )
      .replaceAll(
        "alignment-with-us-federal-standards--recognized-accreditation",
        "mapped-straight-to-federal-standards",
      );
    expect(edited).not.toBe(markdown);
    await writeFile(source(), edited);

    const after = await request(onePagerPath({ audience: "federal", company: "Edit Co" }));
    expect(after.status, after.body.toString()).toBe(200);
    expect(after.headers.get("x-cache")).toBe("miss");
    expect((await textOf(after.body)).replace(/\s+/g, " ")).toContain(
      "Mapped Straight to Federal Standards",
    );
    const audiences = (await request("/api/audiences")).json() as {
      id: string;
      claims: string[];
    }[];
    expect(audiences.find((a) => a.id === "federal")?.claims).toContain(
      "mapped-straight-to-federal-standards",
    );
  });

  it("keeps serving the last good content while an edit is broken, and never answers 400 for it", async () => {
    const markdown = await readFile(source(), "utf8");
    // The heading renamed alone: an audience now names a claim that does not exist.
    await writeFile(
      source(),
      markdown.replace("## Mapped Straight to Federal Standards", "## Half-Typed Headi"),
    );
    const page = await request("/");
    expect(page.status).toBe(200);
    const reply = await request(onePagerPath({ audience: "federal", company: "Broken Edit Co" }));
    expect(reply.status, reply.body.toString()).toBe(200);
    expect((await textOf(reply.body)).replace(/\s+/g, " ")).toContain(
      "Mapped Straight to Federal Standards",
    );
    await writeFile(source(), markdown);
  });
});
