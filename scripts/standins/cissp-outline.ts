// Stand-in for ISC2's "CISSP Certification Exam Outline": a cover and four inner pages, in the stand-in's own wording.
import { DOMAINS } from "./cissp-domains.js";
import type { Theme, Typesetting } from "./column.js";
import { drawStandinNote, standinNoteText } from "./cover-note.js";
import { addInnerPage, createStandinPdf, finish, PAGE, type RunningText } from "./pdf-document.js";

export const CISSP_OUTLINE_FILE = "cited/cissp-exam-outline.pdf";
const URL = "https://www.isc2.org/certifications/cissp/cissp-certification-exam-outline";
const PAGES = 5;
const SHY = "\u00ad";

const THEME: Theme = {
  ink: "#1d2b2a",
  accent: "#006b5b",
  muted: "#5b6e6b",
  rule: "#b9ccc8",
  shade: "#e4f0ed",
};

const RUNNING: RunningText = {
  headerLeft: "CISSP Certification Exam Outline",
  headerRight: "ISC2",
  footerLeft: "© 2024 ISC2, Inc. All Rights Reserved. | Effective April 15, 2024",
};

export async function makeCisspOutline(): Promise<Buffer> {
  const pdf = createStandinPdf(
    {
      title: "CISSP Certification Exam Outline (stand-in)",
      author: "ISC2 (stand-in made by collateral)",
      standsInFor: `the ISC2 CISSP Certification Exam Outline (${URL})`,
      keywords: "stand-in, CISSP, ISC2, exam outline, collateral",
    },
    THEME,
  );
  cover(pdf.ts);
  aboutPage(pdf.ts);
  examPage(pdf.ts);
  domainsPage(pdf.ts, 4, 0);
  domainsPage(pdf.ts, 5, 4);
  return finish(pdf, [["Profes-", "sional"]]);
}

function cover(ts: Typesetting): void {
  const { doc, fonts } = ts;
  doc.addPage({ size: "LETTER", margin: 0 });
  const m = PAGE.margin;
  doc.rect(0, 0, 18, PAGE.height).fill(THEME.accent);
  doc
    .font(fonts.sansBold)
    .fontSize(30)
    .fillColor(THEME.accent)
    .text("ISC2", m, 60, { lineBreak: false });
  doc
    .font(fonts.sansBold)
    .fontSize(54)
    .fillColor(THEME.ink)
    .text("CISSP", m - 2, 190, { lineBreak: false });
  doc.font(fonts.sansSemi).fontSize(15).fillColor(THEME.accent);
  doc.text("Certified Information Systems Security Professional", m, 256, { lineBreak: false });
  doc.rect(m, 292, 64, 4).fill(THEME.accent);
  doc.font(fonts.body).fontSize(26).fillColor(THEME.ink);
  doc.text("Certification Exam Outline", m, 318, { lineBreak: false });
  doc.font(fonts.sans).fontSize(11).fillColor(THEME.muted);
  doc.text("Effective Date: April 15, 2024", m, 362, { lineBreak: false });
  const contents: Array<[string, string]> = [
    ["About CISSP", "2"],
    ["Experience Requirements", "2"],
    ["CISSP CAT Examination Information", "3"],
    ["CISSP CAT Examination Weights", "3"],
    ["Domains 1 to 8", "4"],
  ];
  contents.forEach(([title, page], i) => {
    const y = 430 + i * 19;
    doc.font(fonts.body).fontSize(11).fillColor(THEME.ink).text(title, m, y, { lineBreak: false });
    doc.text(page, 330 - doc.widthOfString(page), y, { lineBreak: false });
  });
  drawStandinNote(
    ts,
    m,
    640,
    PAGE.width - 2 * m,
    standinNoteText(CISSP_OUTLINE_FILE, "ISC2", "isc2.org"),
  );
}

function aboutPage(ts: Typesetting): void {
  const page = addInnerPage(ts, RUNNING, 2, PAGES);
  const top = page.full().heading("About CISSP", 1);
  const [left, right] = page.columns(top.y);
  left
    .paragraph(
      `The Certified Information Systems Security Profes${SHY}sional (CISSP) is the ISC2 credential for ` +
        "practitioners who design, engineer, implement and manage an organization’s overall security posture. " +
        "It shows that a holder can tie technical controls to business objectives across the whole field of " +
        "information security, from governance to the security of software.",
    )
    .paragraph(
      "The broad spectrum of topics in the CISSP Common Body of Knowledge (CBK) keeps the credential relevant " +
        "across every discipline of the field. Candidates are tested on both technical and managerial " +
        "competence in the eight domains listed in this outline.",
    )
    .heading("Experience Requirements")
    .paragraph(
      "To qualify, a candidate needs at least five years of cumulative, full-time work experience in two or " +
        "more of the eight CISSP domains. A four-year college degree (or its regional equivalent) or an " +
        "additional credential from the ISC2 approved list can substitute for one year of that experience; " +
        "only one such substitution is allowed.",
    )
    .paragraph(
      "Part-time work and internships also count, in proportion to the hours worked: 1,040 hours of " +
        "part-time work equal six months of full-time experience.",
    );
  right
    .heading("Associate of ISC2")
    .paragraph(
      "A candidate who does not yet have the required experience may still take the exam. Passing it makes " +
        "the candidate an Associate of ISC2, who then has six years to gain the experience needed for the " +
        "full credential.",
    )
    .heading("Accreditation")
    .paragraph(
      "CISSP is accredited under ANSI/ISO/IEC Standard 17024, the international standard for bodies that " +
        "certify persons, and is approved for the U.S. Department of Defense cyber workforce program.",
    )
    .heading("Job Task Analysis")
    .paragraph(
      "ISC2 reviews the exam content regularly. A job task analysis, carried out with subject matter experts " +
        "from around the world, describes the tasks that practitioners perform; the exam weights on page 3 " +
        "follow from it.",
    );
  page.footer();
}

function examPage(ts: Typesetting): void {
  const page = addInnerPage(ts, RUNNING, 3, PAGES);
  page
    .full()
    .heading("CISSP CAT Examination Information", 1)
    .leaders([
      ["Length of exam", "3 hours"],
      ["Number of items", "100 – 150"],
      ["Item format", "Multiple choice and advanced innovative items"],
      ["Passing grade", "700 out of 1000 points"],
      ["Exam language availability", "English"],
      ["Testing center", "ISC2 Authorized Pearson VUE Testing Center"],
    ])
    .paragraph(
      "The English exam is a computerized adaptive test (CAT): each item is chosen in the light of the " +
        "candidate’s earlier answers, and the exam ends once the candidate’s ability has been measured with " +
        "enough confidence. Exams in other languages are linear, fixed-form exams of 250 items over six hours.",
    )
    .heading("CISSP CAT Examination Weights", 1)
    .table(
      ["Domains", "Average Weight"],
      DOMAINS.map((d, i) => [`${i + 1}. ${d.title}`, `${d.weight}%`]),
      [0.75, 0.25],
      [1],
    )
    .paragraph(
      "Total: 100%. Weights are averages over exam forms and may vary from one exam to another.",
      {
        italic: true,
        size: 8.6,
      },
    );
  page.footer();
}

function domainsPage(ts: Typesetting, n: number, from: number): void {
  const page = addInnerPage(ts, RUNNING, n, PAGES);
  const columns = page.columns();
  DOMAINS.slice(from, from + 4).forEach((d, i) => {
    const number = from + i + 1;
    columns[i < 2 ? 0 : 1]
      .heading(`Domain ${number}: ${d.title}`)
      .bullets(d.objectives.map((o, k) => `${number}.${k + 1} ${o}`));
  });
  page.footer();
}
