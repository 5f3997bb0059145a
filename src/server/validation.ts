// A refused query as one sentence naming the field and saying why, as the portal's 400s promise.
import type { FastifyError } from "fastify";
import { PROSPECT_TEXT_MAX, prospectTextProblem } from "../model/index.js";

type Issue = NonNullable<FastifyError["validation"]>[number];

/** The sentence for the first thing wrong with the query: which field, and why, in the portal's words. */
export function validationSentence(error: FastifyError, query: unknown): string {
  const issue = error.validation?.[0];
  if (!issue) return error.message;
  const params = issue.params as Record<string, unknown>;
  if (issue.keyword === "additionalProperties") {
    const name = String(params.additionalProperty ?? "").slice(0, 40);
    return `unknown parameter "${name}": this address takes no such parameter`;
  }
  if (issue.keyword === "required") return missing(String(params.missingProperty ?? ""));
  const field = issue.instancePath.replace(/^\//, "") || "the query";
  const value = (query as Record<string, unknown> | null)?.[field];
  if (issue.keyword === "type" && Array.isArray(value))
    return `${field} is given ${value.length} times: give it once`;
  return `${field} ${fieldProblem(field, issue, value)}`;
}

function missing(field: string): string {
  if (field === "audience")
    return "audience is missing: give an audience id (GET /api/audiences lists them)";
  if (field === "company") return "company is missing: type the prospect's company";
  return `${field} is missing`;
}

function fieldProblem(field: string, issue: Issue, value: unknown): string {
  const text = typeof value === "string" ? value : "";
  if (field === "company" || field === "contact") {
    const problem = prospectTextProblem(text);
    if (problem) return problem;
    if (issue.keyword === "maxLength") return `is longer than ${PROSPECT_TEXT_MAX} characters`;
  }
  if (field === "audience")
    return `"${text.slice(0, 40)}" is not an audience id: letters, digits and hyphens, at most 64 (GET /api/audiences lists them)`;
  if (issue.keyword === "maxLength")
    return `is longer than ${(issue.params as { limit?: number }).limit} characters`;
  return "is not valid here";
}
