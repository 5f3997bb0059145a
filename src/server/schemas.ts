// Query schemas: bad input is refused (400) before any handler runs.
import { PROSPECT_TEXT_MAX, PROSPECT_TEXT_PATTERN as TEXT } from "../model/index.js";

/** A mail or ad campaign's tracking parameters: allowed on any link, and ignored. */
const CAMPAIGN = { "^utm_[a-z_]{1,32}$": { type: "string", maxLength: 256 } } as const;

export const onePagerQuery = {
  type: "object",
  required: ["audience", "company"],
  additionalProperties: false,
  patternProperties: CAMPAIGN,
  properties: {
    audience: { type: "string", pattern: "^[A-Za-z0-9-]{1,64}$" },
    company: { type: "string", minLength: 1, maxLength: PROSPECT_TEXT_MAX, pattern: TEXT },
    contact: { type: "string", maxLength: PROSPECT_TEXT_MAX, pattern: `(^$)|${TEXT}` },
  },
} as const;

export const previewQuery = {
  type: "object",
  required: ["audience"],
  additionalProperties: false,
  patternProperties: CAMPAIGN,
  properties: {
    audience: { type: "string", pattern: "^[A-Za-z0-9-]{1,64}$" },
    v: { type: "string", maxLength: 64 },
  },
} as const;

export interface OnePagerQuery {
  audience: string;
  company: string;
  contact?: string;
}
