// Who a tailored one-pager is for: the prospect's company and, optionally, a contact name.
import { z } from "zod";

/** No C0/C1 control characters, no bidi overrides or isolates, at least one visible character. */
export const PROSPECT_TEXT_PATTERN =
  "^(?=.*\\S)[^\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$";
export const PROSPECT_TEXT_MAX = 80;

const text = z
  .string()
  .max(PROSPECT_TEXT_MAX, `at most ${PROSPECT_TEXT_MAX} characters`)
  .regex(
    new RegExp(PROSPECT_TEXT_PATTERN, "u"),
    "no control or direction-override characters, not blank",
  );

export const ProspectSchema = z.object({
  company: text.min(1, "company is required"),
  contact: z.union([text, z.literal("")]).optional(),
});
export type Prospect = z.infer<typeof ProspectSchema>;
