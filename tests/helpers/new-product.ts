// Test helper: a new product's workspace, as a new user would write it (8 claims in two files, lists, a long
// claim, four audiences, a saved page and a PDF cited), written into a fresh temp folder.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { makePdf } from "../ingest/cited/pdf-fixture.js";

const GUIDE_URL = "https://ledgerly.example/whitepaper/ledgerly-close-guide.pdf";
const SURVEY_URL = "https://analyst.example/reports/finance-close-survey";

/** What the cited documents say: every quote below is taken from these, word for word. */
const GUIDE_PAGES = [
  "Ledgerly Close Guide. Ledgerly reconciles bank feeds against the general ledger every night, so the month-end close starts from matched balances. Teams report that the first close on Ledgerly took four days instead of nine.",
  "Every journal entry carries its approver, its evidence and its timestamp in one immutable audit trail. Auditors can export the complete trail for any period as a single signed archive.",
  "Ledgerly connects to more than forty banks and card issuers through read-only feeds. Role-based permissions keep preparers, reviewers and approvers apart by design.",
];
const SURVEY_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Finance close survey</title></head><body>
<h1>Finance close survey 2026</h1>
<p>Controllers spend a third of the close chasing spreadsheet versions across shared drives.</p>
<p>Manual reconciliation remains the single largest source of restatements in mid-sized companies.</p>
<p>Finance teams that automated matching closed their books three days faster on average.</p>
</body></html>`;

export interface NewProductOptions {
  /** Extra claims appended to the second file (to make a one-pager that cannot fit even condensed). */
  extraClaims?: number;
  /** Front matter lines added to the first file (e.g. a `one-pager:` block). */
  frontMatter?: string;
  /** A paragraph added to the first claim's body (e.g. an unbreakable 45-letter word). */
  firstClaimExtra?: string;
}

const FIRST = (options: NewProductOptions) => `---
title: "Ledgerly: Close the Books in Days, Not Weeks"
product: Ledgerly
competitor: Spreadsheets
tagline: Reconciled every night, audited every time.
subtitle: Why finance teams move their month-end close from spreadsheets to Ledgerly
author: Ledgerly Inc.
audiences:
  - id: controllers
    label: Controllers
    summary: A close that starts from matched balances.
    claims: [nightly-reconciliation, faster-first-close, single-source-of-truth]
  - id: auditors
    label: Auditors
    claims: [immutable-audit-trail, signed-archives, separation-of-duties]
  - id: cfos
    label: CFOs
    claims: [faster-first-close, fewer-restatements, immutable-audit-trail, bank-connectivity]
  - id: it
    label: IT and security
    claims: [bank-connectivity, separation-of-duties]
comparison:
  - aspect: Reconciliation
    product: Nightly, automatic
    competitor: Manual, at month end
    claim: nightly-reconciliation
  - aspect: Audit trail
    product: Immutable, exportable
    competitor: Cell history, if any
    claim: immutable-audit-trail
  - aspect: Bank feeds
    product: More than forty banks
    competitor: CSV downloads
    claim: bank-connectivity
${options.frontMatter ?? ""}
---

## Nightly Reconciliation

Ledgerly matches every transaction while the team sleeps. As its guide puts it, Ledgerly
“reconciles bank feeds against the general ledger every night, so the month-end close starts from
matched balances.” [Ledgerly Close Guide](${GUIDE_URL})
${options.firstClaimExtra ? `\n${options.firstClaimExtra}\n` : ""}
What that changes for a controller:

- unmatched items surface the morning after they happen, not at month end;
- the close begins with a short exception list instead of a full re-tick;
- reviewers see the same matched balances the preparers do.

**Benefit:** The close starts from balances that already agree with the bank.

## Faster First Close

Customers do not wait for a second year to see the difference. The guide reports that “the first
close on Ledgerly took four days instead of nine.” [Ledgerly Close Guide](${GUIDE_URL}) An
independent survey agrees that “teams that automated matching closed their books three days faster
on average.” [Finance close survey](${SURVEY_URL})

**Benefit:** Five days back in the first month, and every month after.

## Single Source of Truth

Spreadsheets multiply. The survey found that “Controllers spend a third of the close chasing
spreadsheet versions across shared drives.” [Finance close survey](${SURVEY_URL}) Ledgerly keeps one
ledger, one set of balances and one trail of who changed what, and it keeps them for every entity,
every currency and every period, so that no one has to ask which file is the latest one, who
touched it last, or whether the numbers in the board deck match the numbers in the ledger. The
consolidation runs from the same data the preparers reconcile, the reviewers sign and the auditors
export; there is no copy to drift, no macro to break and no late-night merge of versions before a
deadline. When a question comes up months later, the answer is in the ledger, with its evidence,
rather than in an inbox. That is what a single source of truth means in practice: the whole team
works from one set of numbers, from the first entry of the month to the last page of the board pack,
and nobody rebuilds it by hand at the end.

**Benefit:** One set of numbers from the first entry to the board pack.

## Immutable Audit Trail

“Every journal entry carries its approver, its evidence and its timestamp in one immutable audit
trail.” [Ledgerly Close Guide](${GUIDE_URL}) Nothing is overwritten: a correction is a new entry
that points at the one it corrects.

The trail is kept for as long as the law of each entity requires, is searchable by account, amount,
person and date, and answers the questions auditors ask most often in a single screen: who entered
it, who approved it, what evidence supports it and when each of those happened.

**Benefit:** Auditors test controls instead of reconstructing history.
`;

const SECOND = (options: NewProductOptions) => `---
audiences: []
---

## Signed Archives

At year end, “auditors can export the complete trail for any period as a single signed archive.”
[Ledgerly Close Guide](${GUIDE_URL})

1. pick the period;
2. export the archive;
3. hand it over with its signature.

The archive holds every entry, its evidence files and the approvals in the order they happened, with
a signature an auditor can check without an account on Ledgerly. Requests that used to take a week of
screenshots take a minute, and the archive for a closed period never changes once it is signed.

**Benefit:** Fieldwork starts with the evidence already packed.

## Fewer Restatements

The survey names the risk plainly: “Manual reconciliation remains the single largest source of
restatements in mid-sized companies.” [Finance close survey](${SURVEY_URL}) Ledgerly removes the
manual step that causes them.

Every match Ledgerly makes is explained: the rule that matched it, the amounts on both sides and
the person who accepted any difference. A reviewer who doubts a balance opens the match, not a
spreadsheet, and a restatement caught in review is a restatement that never reaches the board.

**Benefit:** Fewer surprises in front of the board and the auditors.

## Bank Connectivity

“Ledgerly connects to more than forty banks and card issuers through read-only feeds.”
[Ledgerly Close Guide](${GUIDE_URL}) No CSV downloads, no re-keying.

Feeds arrive on a schedule the bank sets, are checked for gaps and duplicates on arrival, and are
held read-only: Ledgerly can see a transaction but never move money. A feed that stops is flagged
the same morning, long before anyone would have noticed a missing statement at month end.

- banks and card issuers in North America and Europe;
- payment processors and payroll providers;
- a documented file format for the few that offer neither.

**Benefit:** Transactions arrive on their own, every night.

## Separation of Duties

“Role-based permissions keep preparers, reviewers and approvers apart by design.”
[Ledgerly Close Guide](${GUIDE_URL}) A preparer cannot approve their own entry, and every exception
to that rule is itself logged.

Permissions are set per entity and per ledger, inherited by the teams below, and reviewed every
quarter with a report that lists who can do what and who changed it. Temporary access expires on its
own date, so the permissions a controller signs off are the permissions in force.

**Benefit:** A control auditors can rely on without testing it by hand.
${Array.from({ length: options.extraClaims ?? 0 }, (_, i) => extraClaim(i)).join("")}`;

/** A claim long in every part the condensed one-pager keeps: title, quote and benefit. */
function extraClaim(i: number): string {
  return `
## Further Advantage Number ${i + 1} of Ledgerly Over Keeping the Books in Shared Spreadsheets

As the guide says, “every journal entry carries its approver, its evidence and its timestamp in one
immutable audit trail.” [Ledgerly Close Guide](${GUIDE_URL})

**Benefit:** ${"A long benefit line that keeps going so that even the condensed form runs long. ".repeat(3)}
`;
}

/** Writes the workspace into a new temp folder and returns its path. */
export async function newProductWorkspace(options: NewProductOptions = {}): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-ledgerly-"));
  await mkdir(path.join(root, "sources/cited"), { recursive: true });
  await writeFile(path.join(root, "sources/cited/close-guide.pdf"), await makePdf(GUIDE_PAGES));
  await writeFile(path.join(root, "sources/cited/close-survey.html"), SURVEY_HTML);
  await writeFile(
    path.join(root, "sources/sources.yaml"),
    `- id: close-guide
  title: Ledgerly Close Guide
  publisher: Ledgerly Inc.
  url: ${GUIDE_URL}
  file: cited/close-guide.pdf
- id: close-survey
  title: Finance close survey 2026
  publisher: Analyst Example
  url: ${SURVEY_URL}
  file: cited/close-survey.html
`,
  );
  await writeFile(path.join(root, "sources/1-ledgerly.md"), FIRST(options));
  await writeFile(path.join(root, "sources/2-controls.md"), SECOND(options));
  return root;
}
