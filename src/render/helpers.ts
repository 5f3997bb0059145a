// The few pure helpers templates may call: page references, dates, CSS strings.
import type { HelperDelegate } from "handlebars";
import { cssString } from "./escape.js";
import { formatDate, pageRef } from "./format.js";

type SafeStringCtor = new (html: string) => unknown;

export function templateHelpers(SafeString: SafeStringCtor): Record<string, HelperDelegate> {
  return {
    pageRef: (pages: unknown) =>
      pageRef(Array.isArray(pages) ? pages.filter(Number.isInteger) : []),
    date: (value: unknown) => formatDate(typeof value === "string" ? value : ""),
    /** A quoted, fully escaped CSS string (for `content:` in @page margin boxes). */
    cssString: (value: unknown) =>
      new SafeString(cssString(typeof value === "string" ? value : "")),
  };
}
