// A segment's fragments → its text: spaces where the page has gaps, raised and lowered marks, accents drawn apart put back on their letters.
import { scriptMark } from "../script-mark.js";
import type { Fragment } from "./fragment.js";
import type { LayoutParams } from "./params.js";
import type { Segment } from "./segments.js";

/**
 * Accents that old TeX fonts (and some producers) draw as characters of their own, kerned back over the
 * letter they sit on: "na¨ıve", "caf´e". Each → its combining mark.
 */
const SPACING_ACCENTS: Record<string, string> = {
  "\u00a8": "\u0308", // ¨ diaeresis
  "\u00b4": "\u0301", // ´ acute
  "\u0060": "\u0300", // ` grave
  "\u02c6": "\u0302", // ˆ circumflex
  "\u005e": "\u0302", // ^ circumflex
  "\u02dc": "\u0303", // ˜ tilde
  "\u007e": "\u0303", // ~ tilde
  "\u00af": "\u0304", // ¯ macron
  "\u02c9": "\u0304", // ˉ macron
  "\u02d8": "\u0306", // ˘ breve
  "\u02d9": "\u0307", // ˙ dot above
  "\u02da": "\u030a", // ˚ ring above
  "\u02dd": "\u030b", // ˝ double acute
  "\u02c7": "\u030c", // ˇ caron
  "\u00b8": "\u0327", // ¸ cedilla
  "\u02db": "\u0328", // ˛ ogonek
};

/** The segment's text as a reader reads it. */
export function lineText(segment: Segment, params: LayoutParams): string {
  let text = "";
  let previous: { fragment: Fragment; start: number } | null = null;
  const { order, rtl } = readingOrder(segment);
  for (const i of order) {
    const fragment = segment.fragments[i]!;
    const role = segment.roles[i]!;
    const own = withoutControls(fragment.text);
    if (own.trim() === "") continue;
    if (previous && overprints(previous.fragment, fragment)) continue;
    const start = text.length;
    const back = previous ? previous.fragment.x1 - fragment.x0 : 0;
    const kernedBack = previous !== null && back > 0.1 * fragment.size;
    if (role !== "main") {
      text = text.replace(/\s+$/u, "");
      text += scriptMark(own, role === "raised" ? "sup" : "sub", text);
    } else if (previous && kernedBack && isAccent(own)) {
      // An accent drawn over a letter of the text before it: onto the letter under its middle.
      text = accentOver(text, previous, own, (fragment.x0 + fragment.x1) / 2);
      continue;
    } else if (kernedBack && endsWithAccent(text) && startsWithLetter(own)) {
      // An accent drawn before its letter, which is kerned back under it.
      const mark = SPACING_ACCENTS[text.at(-1)!]!;
      const [letter = "", ...rest] = [...own];
      text = `${text.slice(0, -1)}${letter}${mark}${rest.join("")}`;
    } else {
      const gap = !previous
        ? 0
        : rtl && fragment.x0 < previous.fragment.x0
          ? previous.fragment.x0 - fragment.x1
          : fragment.x0 - previous.fragment.x1;
      if (text !== "" && gap > params.spaceMin * fragment.size && !/\s$/u.test(text)) text += " ";
      text += own;
    }
    previous = { fragment, start };
  }
  return composed(text).replace(/\s+/gu, " ").trim();
}

/** A spacing accent alone: ¨ ´ ` ˆ ˜ ¯ ˘ ˙ ˚ ˝ ˇ ¸ ˛. */
function isAccent(text: string): boolean {
  return [...text.trim()].length === 1 && text.trim() in SPACING_ACCENTS;
}

/**
 * The accent's combining mark put after the letter of the previous fragment under `x` (its characters
 * taken as evenly wide): TeX draws "ı" and then the "¨" over it, and pdf.js gives them apart.
 */
function accentOver(
  text: string,
  previous: { fragment: Fragment; start: number },
  accent: string,
  x: number,
): string {
  const { fragment, start } = previous;
  const chars = [...text.slice(start)];
  if (chars.length === 0) return text;
  const share = (x - fragment.x0) / Math.max(fragment.x1 - fragment.x0, 1e-6);
  let at = Math.min(chars.length - 1, Math.max(0, Math.floor(share * chars.length)));
  while (at > 0 && !/\p{L}/u.test(chars[at]!)) at--;
  chars.splice(at + 1, 0, SPACING_ACCENTS[accent.trim()]!);
  return text.slice(0, start) + chars.join("");
}

/** The text without control characters: never text a reader sees (and PASSAGE_BREAK is one of them). */
export function withoutControls(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code >= 0x20 && (code < 0x7f || code > 0x9f)) out += c;
    else if (c === "\t") out += " ";
  }
  return out;
}

/**
 * Fragment indexes in reading order: left to right, or, on a line that is mostly right-to-left script,
 * right to left, but for runs of left-to-right text within it (a product name, a clause in English,
 * a number), each read left to right as the bidirectional algorithm reads them.
 */
function readingOrder(segment: Segment): { order: number[]; rtl: boolean } {
  const order = segment.fragments.map((_, i) => i);
  const rtl = segment.fragments.filter((f) => f.rtl).length * 2 > segment.fragments.length;
  if (!rtl) return { order, rtl };
  const runs: number[][] = [];
  for (const i of order) {
    const last = runs.at(-1);
    const ltr = !segment.fragments[i]!.rtl;
    if (ltr && last && !segment.fragments[last[0]!]!.rtl) last.push(i);
    else runs.push([i]);
  }
  return { order: runs.reverse().flat(), rtl };
}

/** The same text drawn again at (almost) the same place: faux bold, or a shadow. */
function overprints(previous: Fragment, fragment: Fragment): boolean {
  return (
    previous.text === fragment.text &&
    Math.abs(previous.x0 - fragment.x0) < 0.3 * fragment.size &&
    Math.abs(previous.baseline - fragment.baseline) < 0.3 * fragment.size
  );
}

const endsWithAccent = (text: string) => text.length > 0 && text.at(-1)! in SPACING_ACCENTS;
const startsWithLetter = (text: string) => /^\p{L}/u.test(text);

/**
 * Accents that are never punctuation, drawn right before a letter within one piece of text (TeX's order):
 * they sit on it. Acute and grave are left alone there: "don´t" uses one as an apostrophe.
 */
const ACCENT_BEFORE_LETTER =
  /([\u00a8\u02c6\u02dc\u00af\u02c9\u02d8\u02d9\u02da\u02dd\u02c7\u00b8\u02db])(\p{L})/gu;
/** Any spacing accent before a dotless i or j: those letters are only drawn to carry one. */
const ACCENT_BEFORE_DOTLESS = /([\u00b4\u0060])([ıȷ])/gu;

/** Characters composing concerns: spacing accents, dotless letters, combining marks; and anything not ASCII (NFC). */
const NEEDS_COMPOSING = /[^ -~]/u;

/** NFC, with spacing accents put on their letter and a dotless i or j under an accent read as the plain letter. */
export function composed(text: string): string {
  if (
    !NEEDS_COMPOSING.test(text) &&
    !text.includes("`") &&
    !text.includes("^") &&
    !text.includes("~")
  ) {
    return text;
  }
  return text
    .replace(ACCENT_BEFORE_LETTER, (_, a: string, l: string) => l + SPACING_ACCENTS[a])
    .replace(ACCENT_BEFORE_DOTLESS, (_, a: string, l: string) => l + SPACING_ACCENTS[a])
    .replace(/([ıȷ])(\p{Mn})/gu, (_, l: string, m: string) => (l === "ı" ? "i" : "j") + m)
    .normalize("NFC");
}
