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
