// Text style shared by the layout's steps: whether two sizes are one style, and the style most text is in.
import type { LayoutParams } from "./params.js";

export function sameSize(a: number, b: number, params: LayoutParams): boolean {
  return Math.abs(a - b) <= params.sizeTolerance * Math.max(a, b);
}

/** Whether most of the weight (characters) is fixed-pitch. */
export function mostlyMonospace(items: readonly { monospace: boolean; text: string }[]): boolean {
  let fixed = 0;
  let total = 0;
  for (const item of items) {
    total += item.text.length;
    if (item.monospace) fixed += item.text.length;
  }
  return fixed * 2 > total;
}

/** The value with the greatest total weight. */
export function mostUsed<T>(weighted: readonly (readonly [T, number])[]): T {
  const totals = new Map<T, number>();
  for (const [value, weight] of weighted) totals.set(value, (totals.get(value) ?? 0) + weight);
  let best = weighted[0]![0];
  let bestTotal = -1;
  for (const [value, total] of totals) {
    if (total > bestTotal) {
      best = value;
      bestTotal = total;
    }
  }
  return best;
}
