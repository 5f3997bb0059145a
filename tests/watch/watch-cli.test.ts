// `collateral watch --serve` as a user runs it: one real process on a temp workspace, edited file by file.

import { readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flat, pdfText } from "../export/pdf-read.js";
import { copyWorkspace } from "../helpers/workspace.js";
import { atomicSave, edit, mtime, processTable, until, WatchProcess } from "./watch-process.js";

const MD = "sources/cisso-vs-cissp.md";

let root: string;
let watch: WatchProcess;
let previewUrl: string;
const at = (rel: string) => path.join(root, rel);

beforeAll(async () => {
  root = await copyWorkspace({ templates: true });
  watch = new WatchProcess(root, ["--serve", "--port", "0"]);
  previewUrl = (await watch.line(/^live preview at /)).replace("live preview at ", "");
  await watch.line(/^watching sources\/, templates\/ and assets\//);
}, 120_000);

afterAll(async () => {
  watch?.kill("SIGKILL");
  await watch?.exited;
  if (root) await rm(root, { recursive: true, force: true });
});

/** Brochure text with line breaks undone. */
const brochureText = async () => flat(await pdfText(at("output/brochure.pdf")));

/** Waits until the brochure on disk holds `word`. */
const brochureWith = (word: string) =>
  until(`brochure.pdf to contain "${word}"`, async () => (await brochureText()).includes(word));

describe.sequential("collateral watch", () => {
  it("builds every piece first", async () => {
    expect(watch.lines[1]).toMatch(/^✔ first build → .*printed brochure, one-pager, deck/);
    for (const piece of ["brochure", "one-pager", "deck"])
      expect(await mtime(at(`output/${piece}.pdf`))).toBeGreaterThan(0);
    expect(await brochureText()).toContain("Mapped and Recognized by Federal Standards");
  });

  it("carries a one-word edit of a claim's heading into brochure.pdf", async () => {
    const from = watch.lines.length;
    await edit(at(MD), "Mapped and Recognized by", "Mapped and Endorsed by");
    await brochureWith("Mapped and Endorsed by Federal Standards");
    const line = await watch.rebuild(from);
    expect(line).toMatch(
      /^✔ sources\/cisso-vs-cissp\.md changed → parsed sources\/cisso-vs-cissp\.md · verified 3 quotes · printed brochure/,
    );
    // The Markdown was parsed again; the cited documents were not.
    expect(line).not.toContain("sources/cited/");
    expect(line).toMatch(/ in \d+ ms$/);
  });

  it("picks up an editor's atomic save (a temp file renamed over the source)", async () => {
    const from = watch.lines.length;
    const text = await readFile(at(MD), "utf8");
    await atomicSave(at(MD), text.replace("Mapped and Endorsed by", "Mapped and Acknowledged by"));
    await brochureWith("Mapped and Acknowledged by");
    const line = await watch.rebuild(from);
    expect(line).toMatch(/^✔ sources\/cisso-vs-cissp\.md changed → /);
    expect(watch.lines.slice(from).join("\n")).not.toContain(".tmp-");
  });

  it("keeps the previous brochure and keeps running when a template breaks; the fix rebuilds", async () => {
    const template = at("templates/brochure.hbs");
    const good = await readFile(template, "utf8");
    const pdf = await readFile(at("output/brochure.pdf"));
    let from = watch.lines.length;
    await writeFile(template, `${good}\n{{#each}}\n`);
    const failed = await watch.rebuild(from);
    expect(failed).toMatch(
      /^✖ templates\/brochure\.hbs changed → build failed in \d+ ms; kept the last good output$/,
    );
    expect(watch.detail(watch.lines.indexOf(failed, from)).join("\n")).toMatch(
      /templates\/brochure\.hbs:\d+:\d+: template syntax error/,
    );
    expect(watch.alive).toBe(true);
    expect(Buffer.compare(await readFile(at("output/brochure.pdf")), pdf)).toBe(0);

    from = watch.lines.length;
    await writeFile(template, `${good}<!-- fixed -->\n`);
    expect(await watch.rebuild(from)).toMatch(
      /^✔ templates\/brochure\.hbs changed → verification reused · printed brochure/,
    );
    expect(Buffer.compare(await readFile(at("output/brochure.pdf")), pdf)).not.toBe(0);
  });

  it("names a failed quote by file:line:col and keeps the outputs; the fix rebuilds", async () => {
    const claims = JSON.parse(await readFile(at("output/claims.json"), "utf8"));
    const quote = claims.report.quotes.find((q: { text: string }) =>
      q.text.startsWith("there are no minimum requirements"),
    );
    const { line, column } = quote.position;
    const pdf = await readFile(at("output/brochure.pdf"));
    const model = await readFile(at("output/claims.json"));
    let from = watch.lines.length;
    const good = await edit(at(MD), "no minimum requirements", "no maximum requirements");
    const failed = await watch.rebuild(from);
    expect(failed).toMatch(/^✖ sources\/cisso-vs-cissp\.md changed → build failed in \d+ ms/);
    expect(watch.detail(watch.lines.indexOf(failed, from)).join("\n")).toContain(
      `sources/cisso-vs-cissp.md:${line}:${column}: not-found: “there are no maximum requirements`,
    );
    expect(watch.alive).toBe(true);
    expect(Buffer.compare(await readFile(at("output/brochure.pdf")), pdf)).toBe(0);
    expect(Buffer.compare(await readFile(at("output/claims.json")), model)).toBe(0);

    from = watch.lines.length;
    await writeFile(at(MD), good);
    expect(await watch.rebuild(from)).toMatch(/^✔ sources\/cisso-vs-cissp\.md changed → /);
  });

  it("reports broken YAML front matter and a broken registry with their file, and keeps watching", async () => {
    for (const [file, from, to] of [
      [MD, "product: CISSO\n", "product: [CISSO\n"],
      ["sources/sources.yaml", "- id: cissp-outline\n", "- id: cissp-outline: x: [\n"],
    ] as const) {
      let mark = watch.lines.length;
      const good = await edit(at(file), from, to);
      const failed = await watch.rebuild(mark);
      expect(failed).toMatch(/^✖ .* build failed in \d+ ms; kept the last good output$/);
      expect(failed).toContain(`${file} changed`);
      const detail = watch.detail(watch.lines.indexOf(failed, mark)).join("\n");
      expect(detail).toMatch(
        new RegExp(`^  ${file.replace(/\./g, "\\.")}:\\d+:\\d+: invalid YAML`),
      );
      expect(watch.alive).toBe(true);

      mark = watch.lines.length;
      await writeFile(at(file), good);
      expect(await watch.rebuild(mark)).toMatch(
        new RegExp(`^✔ ${file.replace(/\./g, "\\.")} changed`),
      );
    }
  });

  it("re-renders a theme change without verifying again", async () => {
    const from = watch.lines.length;
    const css = at("templates/theme/theme.css");
    await writeFile(css, `${await readFile(css, "utf8")}\n.watch-test { color: #123456; }\n`);
    const line = await watch.rebuild(from);
    expect(line).toMatch(
      /^✔ templates\/theme\/theme\.css changed → verification reused · printed brochure, one-pager, deck/,
    );
    expect(line).not.toContain("parsed");
  });

  it("parses only a cited PDF that changed, not the Markdown", async () => {
    const from = watch.lines.length;
    const pdf = at("sources/cited/cissp-exam-outline.pdf");
    // Bytes after %%EOF: a new content hash, the same text.
    await writeFile(pdf, Buffer.concat([await readFile(pdf), Buffer.from("\n% touched\n")]));
    const line = await watch.rebuild(from);
    expect(line).toMatch(
      /^✔ sources\/cited\/cissp-exam-outline\.pdf changed → parsed sources\/cited\/cissp-exam-outline\.pdf · verified 3 quotes · no piece changed/,
    );
  });

  it("serves the HTML with live reload, and tells the page to reload after a rebuild", async () => {
    const page = await get(previewUrl);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Mapped and Acknowledged by");
    expect(page.body).toContain('<script src="/__reload.js"></script>');
    expect((await get(new URL("/__reload.js", previewUrl).href)).body).toContain("EventSource");
    expect((await get(new URL("/%E0%A4%A", previewUrl).href)).status).toBe(400);

    const events = openEvents(new URL("/__events", previewUrl).href);
    try {
      await until("the event stream to connect", () => events.data.includes(": connected"));
      await edit(at(MD), "Mapped and Acknowledged by", "Mapped and Validated by");
      await until("a reload event", () => events.data.includes("data: reload"));
      expect((await get(previewUrl)).body).toContain("Mapped and Validated by");
    } finally {
      events.close();
    }
  });

  it("closes Chromium and exits 0 on SIGTERM", async () => {
    const groups = watch.chromiumGroups();
    expect(groups.length).toBeGreaterThan(0);
    watch.kill("SIGTERM");
    const exit = await Promise.race([
      watch.exited,
      new Promise((_, reject) => setTimeout(() => reject(new Error("still running")), 20_000)),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(watch.lines.at(-1)).toBe("stopped watching");
    await until("its Chromium processes to be gone", () =>
      processTable().every((p) => !groups.includes(p.pgid)),
    );
  });
});

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

function openEvents(url: string): { readonly data: string; close(): void } {
  let data = "";
  const req = http.get(url, (res) => {
    res.setEncoding("utf8");
    res.on("data", (d) => {
      data += d;
    });
  });
  req.on("error", () => undefined);
  return {
    get data() {
      return data;
    },
    close: () => req.destroy(),
  };
}
