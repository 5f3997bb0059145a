// Who a tailored one-pager is for: the prospect's company and, optionally, a contact name.
import { z } from "zod";

/**
 * No C0/C1 control characters, no bidi overrides or isolates; at least one visible character (not
 * white space, a mark, a format or other invisible character, nor a Hangul or Braille blank, so a
 * zero-width space alone never prints an empty "Prepared for"); no more than three combining marks
 * in a row (no accents stacked up through the page's header).
 */
export const PROSPECT_TEXT_PATTERN =
  "^(?=.*[^\\s\\p{M}\\p{C}\\u115f\\u1160\\u3164\\uffa0\\u2800])(?!.*\\p{M}{4})[^\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$";
/** In characters (code points), as the portal's JSON schema counts: 80 emoji are 80, not 160. */
export const PROSPECT_TEXT_MAX = 80;

const characters = (s: string) => [...s].length;

/**
 * Why a company or contact name is refused, as the end of a sentence that starts with the field's name
 * ("company is blank: …"); null when it is fine. The portal's 400s and batch's rows say it in these words.
 */
export function prospectTextProblem(text: string): string | null {
  if (text === "") return "is empty: type the prospect's name";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it finds
  const control = /[\u0000-\u001f\u007f-\u009f]/u.exec(text);
  if (control)
    return `holds a control character (${codePoint(control[0])}), such as a line break or a tab`;
  const bidi = /[\u202a-\u202e\u2066-\u2069]/u.exec(text);
  if (bidi)
    return `holds a direction-override character (${codePoint(bidi[0])}), which would print the name reversed`;
  if (/\p{M}{4}/u.test(text)) return "stacks more than three accents on one letter";
  if (!new RegExp(PROSPECT_TEXT_PATTERN, "u").test(text))
    return "is blank: only spaces or invisible characters";
  if (characters(text) > PROSPECT_TEXT_MAX)
    return `is longer than ${PROSPECT_TEXT_MAX} characters (${characters(text)})`;
  return null;
}

const codePoint = (c: string) =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
const text = z
  .string()
  .regex(
    new RegExp(PROSPECT_TEXT_PATTERN, "u"),
    "no control or direction-override characters, no stacked marks, not blank",
  )
  .refine((s) => characters(s) <= PROSPECT_TEXT_MAX, `at most ${PROSPECT_TEXT_MAX} characters`);

export const ProspectSchema = z.object({
  company: z.string().min(1, "company is required").pipe(text),
  contact: z.union([z.literal(""), text]).optional(),
});
export type Prospect = z.infer<typeof ProspectSchema>;
