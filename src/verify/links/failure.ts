// Why a request got no HTTP answer, as a value the classifier turns into a link status and reason.

export type FailureKind =
  | "timeout"
  | "dns"
  | "refused"
  | "network"
  | "tls"
  | "blocked"
  | "invalid"
  | "redirect";

export class LinkFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** Worth another try after a pause (a transient network error). */
    readonly transient = false,
  ) {
    super(message);
    this.name = "LinkFailure";
  }
}

const TRANSIENT = new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNREFUSED",
  "HPE_INVALID_CONSTANT",
  "ERR_HTTP_PARSER",
]);

/** Map a Node socket/DNS/TLS error to a LinkFailure with a reason a user can read. */
export function toFailure(error: unknown, host: string): LinkFailure {
  if (error instanceof LinkFailure) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NODATA") {
    return new LinkFailure("dns", `DNS lookup failed for ${host} (${code})`, code === "EAI_AGAIN");
  }
  if (code === "ECONNREFUSED")
    return new LinkFailure("refused", `connection refused by ${host}`, true);
  if (code.startsWith("ERR_TLS") || /CERT|SSL|TLS/i.test(code)) {
    return new LinkFailure("tls", `TLS error from ${host}: ${code} ${message}`.trim());
  }
  const detail = code && !message.includes(code) ? `${code} ${message}` : message;
  return new LinkFailure("network", `network error: ${detail}`, TRANSIENT.has(code) || !code);
}

function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return "";
}
