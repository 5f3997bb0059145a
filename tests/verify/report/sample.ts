// A report with every quote and link status, and text that needs escaping in every format.
import {
  type LinkResult,
  type QuoteResult,
  type Report,
  summarize,
} from "../../../src/model/index.js";

const at = (line: number, column = 5) => ({ file: "sources/cisso.md", line, column });

function quote(
  partial: Partial<QuoteResult> & Pick<QuoteResult, "claim" | "text" | "status">,
): QuoteResult {
  return {
    id: `${partial.claim}/q0`,
    cited: "cisso-blueprint",
    citedUrl: "https://mile2.com/blueprint.pdf",
    pages: [],
    foundIn: null,
    reason: "",
    position: at(10),
    closest: null,
    ...partial,
  };
}

function link(partial: Partial<LinkResult> & Pick<LinkResult, "url" | "status">): LinkResult {
  return {
    httpStatus: null,
    finalUrl: null,
    reason: "",
    positions: [],
    elapsedMs: 12,
    cached: false,
    ...partial,
  };
}

export const quotes: QuoteResult[] = [
  quote({
    claim: "accessible-entry-point",
    text: "there are no minimum requirements",
    status: "verified",
    pages: [2],
    foundIn: "cisso-blueprint",
    position: at(14, 37),
  }),
  quote({
    claim: "accessible-entry-point",
    text: "runs across a page, break",
    status: "verified",
    pages: [2, 3],
    foundIn: "cisso-blueprint",
    position: at(15),
  }),
  quote({
    claim: "exam-format",
    text: '100 questions: <multiple> & "choice"',
    status: "not-found",
    reason: "closest passage differs: 100 → 120",
    position: at(22, 3),
    closest: { text: "120 questions, multiple choice\nin 2 hours", page: 4 },
  }),
  quote({
    claim: "exam-format",
    text: "held in 50% of centres",
    status: "misattributed",
    foundIn: "niccs-cisso",
    reason: "",
    position: at(23),
  }),
  quote({
    claim: "pricing",
    text: "costs less than the rest",
    status: "uncited",
    cited: null,
    citedUrl: null,
    position: at(30),
  }),
  quote({
    claim: "pricing",
    text: "control\u0001char in quote",
    status: "source-unreadable",
    reason: "encrypted PDF",
    position: at(31),
  }),
];

export const links: LinkResult[] = [
  link({
    url: "https://mile2.com/blueprint.pdf",
    status: "ok",
    httpStatus: 200,
    finalUrl: "https://mile2.com/blueprint.pdf",
    positions: [at(14), at(40)],
  }),
  link({
    url: "http://niccs.example/cisso",
    status: "redirected",
    httpStatus: 200,
    finalUrl: "https://niccs.example/cisso/",
    positions: [at(23)],
  }),
  link({
    url: "https://gone.example/a,b:c",
    status: "broken",
    httpStatus: 404,
    reason: "HTTP 404 Not Found",
    positions: [at(50, 2), { file: "sources/other.md", line: 7, column: 9 }],
  }),
  link({
    url: "https://slow.example/",
    status: "timeout",
    reason: "no response within 10000 ms",
    positions: [at(60)],
  }),
  link({
    url: "https://offline.example/",
    status: "skipped",
    reason: "not checked (--offline)",
    positions: [at(61)],
  }),
];

export const report: Report = summarize(quotes, links);
export const passing: Report = summarize(quotes.slice(0, 2), links.slice(0, 2));
