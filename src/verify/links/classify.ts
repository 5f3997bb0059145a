// Turn what a link check saw into the contract's status and a reason the author can act on.
import { STATUS_CODES } from "node:http";
import type { LinkResult } from "../../model/index.js";
import type { Outcome } from "./follow-redirects.js";

export type Verdict = Pick<LinkResult, "status" | "httpStatus" | "finalUrl" | "reason">;

export function classify(url: string, outcome: Outcome, acceptStatus: readonly number[]): Verdict {
  const redirected = outcome.hops > 0;
  if (outcome.kind === "failure") {
    const { failure } = outcome;
    const status =
      failure.kind === "timeout" ? "timeout" : failure.kind === "blocked" ? "blocked" : "broken";
    const where = redirected ? ` (after redirect to ${outcome.finalUrl})` : "";
    return {
      status,
      httpStatus: outcome.httpStatus,
      finalUrl: outcome.finalUrl,
      reason: `${failure.message}${where}`,
    };
  }
  const code = outcome.response.status;
  const finalUrl = redirected ? outcome.finalUrl : url;
  if (isAcceptedStatus(code, acceptStatus)) {
    const reason = code >= 300 ? `${httpLabel(code)} (accepted)` : "";
    return { status: redirected ? "redirected" : "ok", httpStatus: code, finalUrl, reason };
  }
  const detail = outcome.state.rateLimit ? `: ${outcome.state.rateLimit}` : "";
  const reason = `${httpLabel(code)}${detail}`;
  return {
    status: "broken",
    httpStatus: code,
    finalUrl,
    reason: redirected ? `${reason} at ${finalUrl}` : reason,
  };
}

/** 2xx, a final 3xx that is not a redirect (300, 304), or a status the user accepts. */
export function isAcceptedStatus(code: number, acceptStatus: readonly number[]): boolean {
  return (code >= 200 && code < 300) || code === 300 || code === 304 || acceptStatus.includes(code);
}

/** "HTTP 404 Not Found", or "HTTP 599" for a code without a standard name. */
function httpLabel(code: number): string {
  const text = STATUS_CODES[code];
  return text ? `HTTP ${code} ${text}` : `HTTP ${code}`;
}
