// A block's role from its opening label: "Benefit:", "Slide:" or "Notes:" (bold or not), else body.
import { type Block, type Inline, ROLE_LABEL } from "../../model/index.js";

const LABELS = Object.entries(ROLE_LABEL) as [Block["role"], RegExp][];

/** The role a paragraph's label gives it; list items and headings are body unless a label opened their list. */
export function roleOf(kind: Block["kind"], inlines: readonly Inline[]): Block["role"] {
  const first = inlines[0];
  if (kind !== "paragraph" || first?.kind !== "text") return "body";
  return LABELS.find(([, label]) => label.test(first.text))?.[0] ?? "body";
}

/**
 * A paragraph that is only a "Slide:" or "Notes:" label hands its role to the list right after it
 * (`Slide:` then `- point` lines): those items are the slide's points, or its notes.
 */
export function roleForListAfter(previous: Block | undefined): Block["role"] {
  if (previous?.kind !== "paragraph") return "body";
  if (previous.role !== "slide" && previous.role !== "notes") return "body";
  const text = previous.inlines.map((i) => (i.kind === "text" ? i.text : "\u0000")).join("");
  return /^\s*[^:]*:\s*$/.test(text) ? previous.role : "body";
}
