// Stand-in for Mile2's "CISSO Exam Blueprint Outline": a cover and four inner pages, in the stand-in's own wording.
import { DOMAINS } from "./cisso-domains.js";
import type { Column, Theme, Typesetting } from "./column.js";
import { drawStandinNote, standinNoteText } from "./cover-note.js";
import type { Domain } from "./domain.js";
import { addInnerPage, createStandinPdf, finish, PAGE, type RunningText } from "./pdf-document.js";

export const CISSO_BLUEPRINT_FILE = "cited/cisso-exam-blueprint.pdf";
const URL = "https://mile2.com/wp-content/uploads/CISSO-A-Exam-Blueprint-Outline.pdf";
const PAGES = 5;
const SHY = "\u00ad";

const THEME: Theme = {
  ink: "#1c2430",
  accent: "#12315a",
  muted: "#5d6b7c",
  rule: "#b8c2cf",
  shade: "#e8edf4",
};
const RED = "#c8102e";

const RUNNING: RunningText = {
  headerLeft: "CISSO Exam Blueprint Outline",
  headerRight: "Mile2 Cyber Security Certifications",
  footerLeft: "Mile2® | Certified Information Systems Security Officer | Blueprint version A",
};

export async function makeCissoBlueprint(): Promise<Buffer> {
  const pdf = createStandinPdf(
    {
      title: "CISSO Exam Blueprint Outline (stand-in)",
      author: "Mile2 (stand-in made by collateral)",
      standsInFor: `the Mile2 CISSO Exam Blueprint Outline (${URL})`,
      keywords: "stand-in, CISSO, Mile2, exam blueprint, collateral",
    },
    THEME,
  );
  cover(pdf.ts);
  aboutPage(pdf.ts);
  examPage(pdf.ts);
  objectivesPage(pdf.ts, 4, DOMAINS.slice(0, 7), []);
  objectivesPage(pdf.ts, 5, DOMAINS.slice(7), POLICIES);
  return finish(pdf, [
    ["audi-", "tors"],
    ["role-", "based"],
  ]);
}

function cover(ts: Typesetting): void {
  const { doc, fonts } = ts;
  doc.addPage({ size: "LETTER", margin: 0 });
  const m = PAGE.margin;
  doc.rect(0, 0, PAGE.width, 330).fill(THEME.accent);
  doc.rect(0, 330, PAGE.width, 6).fill(RED);
  doc
    .font(fonts.sansBold)
    .fontSize(34)
    .fillColor("#ffffff")
    .text("mile2", m, 56, { lineBreak: false });
  doc.font(fonts.sansSemi).fontSize(7.5).fillColor("#c9d4e3");
  doc.text("CYBER SECURITY CERTIFICATIONS", m + 2, 100, { lineBreak: false, characterSpacing: 2 });
  doc
    .font(fonts.sansBold)
    .fontSize(66)
    .fillColor("#ffffff")
    .text("CISSO", m - 3, 170, { lineBreak: false });
  doc.font(fonts.body).fontSize(18).fillColor("#ffffff");
  doc.text("Certified Information Systems Security Officer", m, 254, { lineBreak: false });
  doc.font(fonts.sansBold).fontSize(24).fillColor(THEME.accent);
  doc.text("Exam Blueprint Outline", m, 376, { lineBreak: false });
  doc.font(fonts.sans).fontSize(10.5).fillColor(THEME.muted);
  doc.text("Blueprint version A  ·  Exam code CISSO  ·  100 questions", m, 410, {
    lineBreak: false,
  });
  contents(ts);
  drawStandinNote(
    ts,
    m,
    640,
    PAGE.width - 2 * m,
    standinNoteText(CISSO_BLUEPRINT_FILE, "Mile2", "mile2.com"),
  );
}

function contents(ts: Typesetting): void {
  const { doc, fonts } = ts;
  const m = PAGE.margin;
  doc.font(fonts.sansSemi).fontSize(9).fillColor(THEME.muted);
  doc.text("CONTENTS", m, 462, { lineBreak: false, characterSpacing: 1.2 });
  const entries: Array<[string, string]> = [
    ["1. About the CISSO Certification", "2"],
    ["2. Exam Information", "3"],
    ["3. Domain Weights", "3"],
    ["4. Domain Objectives", "4"],
    ["5. Certification Policies", "5"],
  ];
  entries.forEach(([title, page], i) => {
    const y = 482 + i * 19;
    doc.font(fonts.body).fontSize(11).fillColor(THEME.ink).text(title, m, y, { lineBreak: false });
    doc.text(page, 330 - doc.widthOfString(page), y, { lineBreak: false });
  });
}

function aboutPage(ts: Typesetting): void {
  const page = addInnerPage(ts, RUNNING, 2, PAGES);
  const top = page.full().heading("1. About the CISSO Certification", 1);
  const [left, right] = page.columns(top.y);
  left
    .paragraph(
      "The Certified Information Systems Security Officer (CISSO) credential is Mile2’s management-level " +
        "certification. It confirms that a holder can plan, run and answer for an organization’s information " +
        "security program: weighing risk against business goals, choosing proportionate controls, and keeping " +
        "those controls working long after an audit has closed.",
    )
    .heading("Target Audience")
    .paragraph(
      `The course and exam are meant for managers, audi${SHY}tors, and INFOSEC professionals who lead ` +
        "or oversee security work, including information systems security officers, IT managers, risk and " +
        "compliance analysts, and consultants who advise leadership teams.",
    )
    .heading("Prerequisites")
    .paragraph(
      "Unlike many leadership credentials, there are no minimum requirements needed to become a Certified " +
        "Information Systems Security Officer (CISSO). Mile2 recommends, but does not require, a working " +
        "knowledge of networking and operating systems, or completion of an introductory course such as " +
        "Certified Security Principles (CSP).",
    );
  right
    .heading("Learning Path")
    .paragraph(
      "Mile2 arranges its certification courses into role-based learning paths. The CISSO belongs to the " +
        "management path: it follows the foundation courses and prepares candidates for advanced work in " +
        "incident handling, auditing and the management of penetration tests.",
    )
    .heading("Course Format")
    .paragraph(
      "Preparation is offered as a live instructor-led class, a live virtual class, or self-paced study with " +
        "videos, an electronic workbook, lab guides and practice exams. Every format covers the same objectives, " +
        "which are listed in Section 4.",
    )
    .heading("Using This Blueprint")
    .paragraph(
      "The blueprint lists what the exam samples. Section 3 gives the approximate share of questions drawn " +
        "from each domain; Section 4 breaks every domain into the objectives a candidate is expected to meet. " +
        "Weights guide study and do not fix the number of questions on any single exam form.",
    )
    .heading("What the Exam Measures")
    .bullets([
      "Judgement in matching controls to business risk",
      "Knowledge of governance, policy and compliance duties",
      "Command of the technical vocabulary a security officer shares with engineers",
      "Readiness to lead incident response and continuity planning",
    ]);
  page.footer();
}

function examPage(ts: Typesetting): void {
  const page = addInnerPage(ts, RUNNING, 3, PAGES);
  page
    .full()
    .heading("2. Exam Information", 1)
    .leaders([
      ["Exam title", "Certified Information Systems Security Officer"],
      ["Exam code", "CISSO"],
      ["Number of questions", "100"],
      ["Question format", "Multiple choice"],
      ["Time allowed", "2 hours"],
      ["Passing score", "70%"],
      ["Delivery", "Online (Mile2 MACS) or proctored"],
      ["Certification valid for", "3 years"],
    ])
    .heading("Exam Delivery")
    .paragraph(
      "The standard exam is an online exam taken via the Mile2 platform, the Mile2 Assessment and " +
        "Certification System (MACS). Candidates receive an exam voucher with their course materials and may " +
        "sit the exam from any location with a reliable internet connection; the result is shown as soon as " +
        "the exam ends.",
    )
    .paragraph(
      "A proctored version of the exam is available for candidates who need the certification for U.S. " +
        "Department of Defense workforce qualification. It is delivered under ANSI/DoD 8140 standards, at an " +
        "approved testing center or with a live remote proctor, and has the same objectives and passing score.",
    )
    .heading("3. Domain Weights", 1)
    .table(
      ["Domain", "Title", "Weight"],
      DOMAINS.map((d, i) => [String(i + 1), d.title, `${d.weight}%`]),
      [0.12, 0.7, 0.18],
      [2],
    );
  page.footer();
}

function objectivesPage(ts: Typesetting, n: number, domains: Domain[], after: Section[]): void {
  const page = addInnerPage(ts, RUNNING, n, PAGES);
  const top = n === 4 ? page.full().heading("4. Domain Objectives", 1).y : PAGE.top;
  const columns = page.columns(top);
  const first = n === 4 ? 1 : 8;
  const split = Math.ceil((domains.length + (after.length > 0 ? 2 : 0)) / 2);
  domains.forEach((d, i) => {
    const column = columns[i < split ? 0 : 1];
    column.heading(`Domain ${first + i}: ${d.title}`).bullets(d.objectives);
  });
  if (after.length > 0) policies(columns[1], after);
  page.footer();
}

interface Section {
  heading: string;
  text: string;
}

function policies(column: Column, sections: Section[]): void {
  column.heading("5. Certification Policies", 1);
  for (const s of sections) column.heading(s.heading).paragraph(s.text);
}

const POLICIES: Section[] = [
  {
    heading: "Retakes",
    text:
      "A candidate who does not pass may take the exam again. A second attempt is included with most " +
      "course packages; further attempts need a new voucher.",
  },
  {
    heading: "Keeping the Credential",
    text:
      "The CISSO is valid for three years. Holders renew it by earning continuing education credits and " +
      "paying the annual maintenance fee, or by passing the current exam again.",
  },
  {
    heading: "Questions",
    text:
      "Questions about this blueprint, exam vouchers or proctored delivery can be sent to Mile2 " +
      "through the contact page of mile2.com.",
  },
];
