import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyWorkspace, REPO, runCli } from "../helpers/workspace.js";

const BLUEPRINT = "https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf";

/** The CISSO workspace with its claims replaced by one plain Markdown page. */
async function plainPage(markdown: string): Promise<string> {
  const root = await copyWorkspace();
  await rm(path.join(root, "sources/cisso-vs-cissp.md"));
  await writeFile(path.join(root, "sources/whitepaper.md"), markdown);
  return root;
}

const PAGE = `# Security Leadership, Sooner

The blueprint is plain: “there are no minimum requirements needed to become a Certified
Information Systems Security Officer (CISSO).” [Mile2](${BLUEPRINT})
`;

describe("each command needs only what it uses", () => {
  it("checks a plain Markdown page: no front matter, no ## heading", async () => {
    const root = await plainPage(PAGE);
    const check = await runCli(["check", "--offline"], root);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("## security-leadership-sooner");
    expect(check.stdout).toMatch(/✔ sources\/whitepaper\.md:3:\d+ {2}“there are no minimum/);
    expect(check.stdout).toContain("1 quote: 1 verified");
  });

  it("fails a changed quote on such a page, as anywhere", async () => {
    const root = await plainPage(PAGE.replace("no minimum", "no maximum"));
    const check = await runCli(["check", "--offline"], root);
    expect(check.code).toBe(1);
  });

  it("build names what the pieces lack, before starting anything", async () => {
    const root = await plainPage(PAGE);
    const build = await runCli(["build"], root);
    expect(build.code).toBe(2);
    expect(build.stderr).toMatch(
      /^error: sources\/whitepaper\.md:1:1: the brochure needs `product:` in the front matter .*; `collateral check` needs none of it\n/,
    );
    const withProduct = await plainPage(`---\nproduct: CISSO\n---\n${PAGE}`);
    const built = await runCli(["build", "--only", "one-pager"], withProduct);
    expect(built.stderr).not.toContain("error");
    expect(built.code).toBe(0);
  });

  it("an imported draft warns about its placeholders in check and build until they are filled in", async () => {
    const root = await copyWorkspace();
    const draft = await runCli(
      ["import", path.join(REPO, "tests/fixtures/seed/cisso-vs-cissp.txt")],
      root,
    );
    expect(draft.code).toBe(0);
    await rm(path.join(root, "sources/cisso-vs-cissp.md"));
    await writeFile(path.join(root, "sources/draft.md"), draft.stdout);
    const check = await runCli(["check", "--offline"], root);
    expect(check.stderr).toMatch(
      /sources\/draft\.md:3:10: warning: product is still a placeholder/,
    );
    expect(check.stderr).toMatch(/competitor is still a placeholder/);
    const build = await runCli(["build", "--only", "one-pager"], root);
    expect(build.stderr).toMatch(/warning: product is still a placeholder/);
    const filled = draft.stdout.replace(/: TODO$/gm, ": CISSO");
    await writeFile(path.join(root, "sources/draft.md"), filled);
    expect((await runCli(["check", "--offline"], root)).stderr).not.toContain("placeholder");
  });
});
