// A plain `build` of a new product's workspace just works: the one-pager condenses to fit, a piece that cannot be
// laid out fails alone, too-wide content is caught, and `--audience`/`--prospect` tailor every piece in a folder
// of their own. The CLI run as a user runs it; PDFs read back with poppler.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flat, pdfInfo, pdfText } from "../export/pdf-read.js";
import { newProductWorkspace } from "../helpers/new-product.js";
import { type CliRun, runCli } from "../helpers/workspace.js";

const BUILD_TIMEOUT = 180_000;
const TITLES = [
  "Nightly Reconciliation",
  "Faster First Close",
  "Single Source of Truth",
  "Immutable Audit Trail",
  "Signed Archives",
  "Fewer Restatements",
  "Bank Connectivity",
  "Separation of Duties",
];
const AUDITORS = ["Immutable Audit Trail", "Signed Archives", "Separation of Duties"];

const roots: string[] = [];
async function workspace(options: Parameters<typeof newProductWorkspace>[0] = {}) {
  const root = await newProductWorkspace(options);
  roots.push(root);
  return root;
}
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

/** Text without white space or hyphens: where lines break varies, the words do not. */
const words = (text: string) => text.replace(/[\s\u00ad\-‐]/g, "");

async function hashes(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile());
  const out: Record<string, string> = {};
  for (const { name } of names)
    out[name] = createHash("sha256")
      .update(await readFile(path.join(dir, name)))
      .digest("hex");
  return out;
}

describe("a plain build of a new product's workspace", () => {
  let root: string;
  let run: CliRun;
  beforeAll(async () => {
    root = await workspace();
    run = await runCli(["build"], root);
  }, BUILD_TIMEOUT);

  it("exits 0 and writes all three pieces", async () => {
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    const names = await readdir(path.join(root, "output"));
    for (const piece of ["brochure", "one-pager", "deck"]) expect(names).toContain(`${piece}.pdf`);
  });

  it("condenses the one-pager to one page that still names every claim, and says so", async () => {
    const file = path.join(root, "output/one-pager.pdf");
    expect((await pdfInfo(file)).Pages).toBe("1");
    const text = words(await pdfText(file));
    for (const title of TITLES) expect(text).toContain(words(title));
    // The compact form: quotes and benefits, not the running text around them.
    expect(text).toContain(words("Five days back in the first month"));
    expect(text).not.toContain(words("Customers do not wait for a second year"));
    expect(text).toContain(words("Finance close survey 2026"));
    expect(run.stderr).toMatch(
      /sources\/1-ledgerly\.md:1:1: warning: the one-pager's full text does not fit on one page, so it was condensed/,
    );
  });

  it("keeps the brochure's and deck's full text", async () => {
    const brochure = words(await pdfText(path.join(root, "output/brochure.pdf")));
    expect(brochure).toContain(words("Customers do not wait for a second year"));
    for (const title of TITLES) expect(brochure).toContain(words(title));
  });

  describe("tailored to an audience and a prospect", () => {
    let tailored: CliRun;
    let before: Record<string, string>;
    const folder = () => path.join(root, "output/for-auditors-Société-Générale");
    beforeAll(async () => {
      before = await hashes(path.join(root, "output"));
      tailored = await runCli(
        ["build", "--audience", "auditors", "--prospect", "Société Générale"],
        root,
      );
    }, BUILD_TIMEOUT);

    it("writes every piece in its own folder, leaving the generic pieces byte for byte", async () => {
      expect(tailored.code).toBe(0);
      expect(tailored.stderr).toContain("output/for-auditors-Société-Générale/deck.pdf");
      expect(await hashes(path.join(root, "output"))).toEqual(before);
      const names = await readdir(folder());
      for (const piece of ["brochure", "one-pager", "deck"])
        expect(names).toContain(`${piece}.pdf`);
    });

    it("gives the deck and brochure only the audience's claims, in its order, for the prospect", async () => {
      for (const piece of ["deck", "brochure"]) {
        const text = words(await pdfText(path.join(folder(), `${piece}.pdf`)));
        const at = AUDITORS.map((t) => text.indexOf(words(t)));
        expect(at.every((i) => i >= 0)).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
        for (const title of TITLES.filter((t) => !AUDITORS.includes(t)))
          expect(text).not.toContain(words(title));
        if (piece === "deck") expect(text.toLowerCase()).toContain("preparedforsociétégénérale");
        // Its cover names the audience, as the one-pager's band does.
        expect(text.toLowerCase()).toContain("forauditors");
      }
    });

    it("narrows the comparison to the audience's claims", async () => {
      const text = flat(await pdfText(path.join(folder(), "deck.pdf")));
      expect(text).toContain("Audit trail");
      expect(text).not.toContain("Bank feeds");
    });
  });
});

describe("a workspace whose one-pager cannot fit even condensed", () => {
  let root: string;
  let run: CliRun;
  beforeAll(async () => {
    root = await workspace({ extraClaims: 8 });
    await runCli(["build", "--only", "deck"], root);
    await writeFile(path.join(root, "output/one-pager.pdf"), "the last good one-pager");
    run = await runCli(["build"], root);
  }, BUILD_TIMEOUT);

  it("writes the brochure and deck, leaves the one-pager as it was, and exits 1", async () => {
    expect(run.code).toBe(1);
    const names = await readdir(path.join(root, "output"));
    expect(names).toEqual(expect.arrayContaining(["brochure.pdf", "deck.pdf", "claims.json"]));
    expect(await readFile(path.join(root, "output/one-pager.pdf"), "utf8")).toBe(
      "the last good one-pager",
    );
    expect(run.stderr).toMatch(/✔ output\/brochure\.pdf/);
  });

  it("names what to cut: the tallest claims, by title, and how much too long", () => {
    expect(run.stderr).toMatch(
      /error: one-pager: the one-pager does not fit on one page even condensed to each claim's headline, benefit and quotes at the smallest type size \(about \d+\.\d in too long\); shorten or drop the longest claims: “Further Advantage Number \d+/,
    );
    expect(run.stderr).toContain(
      "(brochure and deck written; output/one-pager.pdf left as it was)",
    );
  });

  it(
    "fits once the front matter chooses the one-pager's claims",
    async () => {
      const markdown = path.join(root, "sources/1-ledgerly.md");
      const text = await readFile(markdown, "utf8");
      await writeFile(
        markdown,
        text.replace(
          "\n---\n",
          "\none-pager:\n  claims: [bank-connectivity, nightly-reconciliation]\n  form: full\n---\n",
        ),
      );
      const again = await runCli(["build", "--only", "one-pager"], root);
      expect(again.code).toBe(0);
      const onePager = words(await pdfText(path.join(root, "output/one-pager.pdf")));
      expect(onePager.indexOf("BankConnectivity")).toBeLessThan(
        onePager.indexOf("NightlyReconciliation"),
      );
      expect(onePager).not.toContain("SignedArchives");
      expect(onePager).toContain(words("No CSV downloads, no re-keying"));
    },
    BUILD_TIMEOUT,
  );
});

describe("the one-pager front matter and wide content", () => {
  it(
    "refuses an unknown claim in one-pager: at its line",
    async () => {
      const root = await workspace({ frontMatter: "one-pager: [nightly-reconciliation, nightly]" });
      const run = await runCli(["build"], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /sources\/1-ledgerly\.md:\d+:\d+: one-pager names unknown claim "nightly"/,
      );
    },
    BUILD_TIMEOUT,
  );

  it(
    "catches a word too wide for its column, naming the text it starts",
    async () => {
      const word = "Rechnungsabschlussautomatisierungsplattformlösungsanbietervergleichsübersicht";
      const root = await workspace({
        frontMatter:
          "one-pager:\n  claims: [nightly-reconciliation, faster-first-close]\n  form: full",
        firstClaimExtra: `It is ${word} in one word.`,
      });
      // Whatever the theme does to break long words, this workspace's own sheet stops it: the check is the safety net.
      await mkdir(path.join(root, "templates/theme"), { recursive: true });
      await writeFile(
        path.join(root, "templates/theme/zz-no-break.css"),
        ".op-body p, .claim-body p, .points li { overflow-wrap: normal !important; word-break: normal !important; hyphens: manual !important; }\n",
      );
      const run = await runCli(["build", "--only", "one-pager"], root);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /one-pager: “It is Rechnungsabschlussautomatisierungsplatt…” in the one-pager runs \d+\.\d in wider than its column even at the smallest type size/,
      );
      expect(await readdir(path.join(root, "output")).catch(() => [])).not.toContain(
        "one-pager.pdf",
      );
    },
    BUILD_TIMEOUT,
  );
});
