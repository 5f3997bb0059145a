// The few pure helpers templates may call: page references, dates, CSS strings.
import type { HelperDelegate } from "handlebars";
import { cssString } from "./escape.js";
import { formatDate, pageRef } from "./format.js";
import { codeSpansHtml } from "./inline-html.js";

type SafeStringCtor = new (html: string) => unknown;

export function templateHelpers(SafeString: SafeStringCtor): Record<string, HelperDelegate> {
  return {
    pageRef: (pages: unknown) =>
      pageRef(Array.isArray(pages) ? pages.filter(Number.isInteger) : []),
    date: (value: unknown) => formatDate(typeof value === "string" ? value : ""),
    /** Front matter text with its `code` spans in <code> (no backticks printed), all escaped. */
    code: (value: unknown) => new SafeString(codeSpansHtml(typeof value === "string" ? value : "")),
    /** A quoted, fully escaped CSS string (for `content:` in @page margin boxes). */
    cssString: (value: unknown) =>
      new SafeString(cssString(typeof value === "string" ? value : "")),
  };
}
