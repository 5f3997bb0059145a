// A GFM table → HTML styled like the comparison table: header row, column alignment, a smaller type when wide.
import type { Inline, Table } from "../model/index.js";
import { type BodyContext, inlinesHtml } from "./inline-html.js";

/** Columns from which a table is set in the smaller type (a claim column holds three comfortably). */
export const WIDE_TABLE_COLUMNS = 4;
/** Characters in its longest row from which a table is set in the smaller type. */
export const WIDE_TABLE_ROW_CHARS = 110;

function cellText(cell: readonly Inline[]): string {
  return cell.map((i) => (i.kind === "text" || i.kind === "link" ? i.text : "")).join("");
}

export function isWide(table: Table): boolean {
  const rows = [table.head, ...table.rows];
  const longest = Math.max(0, ...rows.map((row) => row.map(cellText).join("").length));
  return table.align.length >= WIDE_TABLE_COLUMNS || longest >= WIDE_TABLE_ROW_CHARS;
}

export function tableHtml(table: Table, ctx: BodyContext): string {
  const cls = (i: number) => {
    const align = table.align[i];
    return align ? ` class="align-${align}"` : "";
  };
  const cells = (row: readonly Inline[][], tag: "th" | "td") =>
    table.align
      .map((_, i) => {
        const scope = tag === "th" ? ' scope="col"' : "";
        return `<${tag}${scope}${cls(i)}>${inlinesHtml(row[i] ?? [], ctx)}</${tag}>`;
      })
      .join("");
  const head = `<thead><tr>${cells(table.head, "th")}</tr></thead>`;
  const body = table.rows.map((row) => `<tr>${cells(row, "td")}</tr>`).join("");
  const wide = isWide(table) ? " content-table-wide" : "";
  return `<table class="content-table${wide}">${head}<tbody>${body}</tbody></table>`;
}
