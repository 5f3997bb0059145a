// What a piece covers: the claims (an audience's selection and order for the one-pager) and the comparison rows.
import {
  type Audience,
  type Claim,
  CollateralError,
  type CollateralModel,
  type ComparisonRow,
  EXIT,
} from "../model/index.js";
import type { Piece } from "./pieces.js";

/** The audience with this id; an unknown id is a usage error that lists the known ones. */
export function findAudience(model: CollateralModel, id: string | undefined): Audience | null {
  if (id === undefined || id === "") return null;
  const audience = model.meta.audiences.find((a) => a.id === id);
  if (audience) return audience;
  const known = model.meta.audiences.map((a) => a.id);
  const choices = known.length
    ? `known audiences: ${known.join(", ")}`
    : "the front matter defines no audiences";
  throw new CollateralError(`unknown audience "${id}"; ${choices}`, {
    exitCode: EXIT.usage,
    rule: "audience",
  });
}

/** Every claim in source order, except the one-pager for an audience: its claims, in its order. */
export function selectClaims(
  model: CollateralModel,
  piece: Piece,
  audience: Audience | null,
): Claim[] {
  if (piece !== "one-pager" || !audience) return model.claims;
  const byId = new Map(model.claims.map((c) => [c.id, c]));
  return audience.claims.flatMap((id) => byId.get(id) ?? []);
}

/** Rows about the selected claims, plus rows tied to no claim; all rows when every claim is shown. */
export function selectComparison(
  model: CollateralModel,
  claims: readonly Claim[],
): ComparisonRow[] {
  if (claims.length === model.claims.length) return model.meta.comparison;
  const shown = new Set(claims.map((c) => c.id));
  return model.meta.comparison.filter((row) => !row.claim || shown.has(row.claim));
}
