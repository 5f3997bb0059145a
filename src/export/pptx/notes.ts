// Speaker notes of each slide, as plain text: what the presenter says, then the citations to answer questions with.
import type { ClaimView } from "../../render/claim-view.js";
import type { PieceView } from "../../render/index.js";

const paragraphs = (...parts: (string | false | null | undefined)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== "").join("\n\n");

export function coverNotes(view: PieceView): string {
  return paragraphs(
    view.subtitle,
    view.tagline,
    view.audience &&
      `Audience: ${view.audience.label}${view.audience.summary ? `. ${view.audience.summary}` : ""}`,
    view.prospect &&
      `Prepared for ${view.prospect.company}${view.prospect.contact ? `, attn. ${view.prospect.contact}` : ""}`,
  );
}

/** The author's notes (or the claim's text), any quote that did not verify, and each cited document. */
export function claimNotes(claim: ClaimView): string {
  const unverified = claim.quotes
    .filter((q) => q.stamp)
    .map((q) => `${q.stamp}: “${q.text}”`)
    .join("\n");
  const sources = claim.noteSources.length
    ? `Sources:\n${claim.noteSources.map((s) => `[${s.number}] ${s.text} — ${s.url}`).join("\n")}`
    : "";
  return paragraphs(claim.notes, unverified, sources);
}

export function compareNotes(view: PieceView): string {
  const comparison = view.comparison;
  if (!comparison) return "";
  return comparison.rows
    .map(
      (r) =>
        `${r.aspect}: ${comparison.product}: ${r.product}. ${comparison.competitor}: ${r.competitor}.`,
    )
    .join("\n");
}

export function sourcesNotes(view: PieceView): string {
  return view.references
    .map((r) => `[${r.number}] ${r.text}. ${r.url}${r.accessed ? ` (accessed ${r.accessed})` : ""}`)
    .join("\n");
}

export function closingNotes(view: PieceView): string {
  return paragraphs(view.tagline, view.cta?.heading, view.cta?.text, view.cta?.href);
}
