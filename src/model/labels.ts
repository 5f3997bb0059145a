// The fixed words the pieces print around the author's content, with their English defaults.
import { z } from "zod";
import type { Message } from "./message.js";
import type { Position } from "./position.js";

/**
 * Every label a built-in template prints. Front matter (`labels:`) or the theme (`templates/theme/labels.yaml`)
 * may replace any of them; `{name}` stands for what the piece fills in (an audience, a date).
 */
export const DEFAULT_LABELS = {
  /** Between product and competitor: "CISSO vs CISSP". */
  vs: "vs",
  /** The brochure's benefit callout. */
  benefit: "The benefit",
  /** The one-pager's benefit line. */
  benefitShort: "Benefit",
  atAGlance: "At a glance",
  sources: "Sources",
  references: "References",
  referencesIntro:
    "Every quotation in this brochure is checked against the document it cites. Page numbers refer to the cited document.",
  preparedFor: "Prepared for",
  /** Before the contact's name under "Prepared for". */
  attention: "Attn:",
  /** The tailored one-pager's audience band. */
  forAudience: "For {audience}",
  /** After a reference: when its local copy was taken. */
  accessed: "accessed {date}",
  /** Page references: "p. 2", "pp. 2–4". */
  page: "p.",
  pages: "pp.",
  speakerNotes: "Speaker notes",
  draft: "Draft — not for distribution",
  draftBanner: "Draft — contains unverified material — not for distribution",
  draftMark: "DRAFT",
  /** Stamped on a quote that failed verification, before its status. */
  unverified: "UNVERIFIED",
} as const;

export type LabelKey = keyof typeof DEFAULT_LABELS;
export type Labels = Record<LabelKey, string>;

export const LABEL_KEYS = Object.keys(DEFAULT_LABELS) as LabelKey[];

export function isLabelKey(key: string): key is LabelKey {
  return Object.hasOwn(DEFAULT_LABELS, key);
}

/** What front matter and the theme may write: label key → text (unknown keys are warned about, then ignored). */
export const LabelsSchema = z.record(z.string(), z.string());

/** A label the templates never print is ignored: say so where it is written, naming the label it was probably meant to be. */
export function unknownLabels(
  labels: Readonly<Record<string, string>> | undefined,
  positionOf: (path: string[]) => Position,
): Message[] {
  return Object.keys(labels ?? {})
    .filter((key) => !isLabelKey(key))
    .map((key) => {
      const near = LABEL_KEYS.find(
        (known) => distance(key.toLowerCase(), known.toLowerCase()) <= 2,
      );
      const hint = near ? `did you mean "${near}"?` : `labels: ${LABEL_KEYS.join(", ")}`;
      return {
        position: positionOf(["labels", key]),
        reason: `unknown label "${key}" (${hint}): it is ignored`,
        rule: "labels",
      };
    });
}

/** Levenshtein distance between two short keys. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length]!;
}
