// A redirect to a sign-in or error page is not the saved page a citation names, though it is HTML as well.

/** The page's address: where it led, after redirects, from what the registry cites. */
export interface Served {
  url: string;
  finalUrl: string;
}

/** Path segments (and host labels) that name a sign-in step: /login, /signin, /auth, /sso, login.example.com… */
const SIGN_IN_PATH =
  /(^|[/._-])(log-?in|log-?on|sign-?in|sign-?on|auth|oauth2?|sso|saml|cas)([/._-]|$)/i;
const SIGN_IN_HOST = /^(log-?in|sign-?in|auth|sso|accounts?|idp)\./i;
const PASSWORD_INPUT = /<input\b[^>]*\btype\s*=\s*["']?password\b/i;
const SIGN_IN_OR_ERROR_TITLE =
  /\b(sign[ -]?in|log[ -]?in|log[ -]?on|access denied|forbidden|unauthori[sz]ed|not found|page not found|error|40[134]|50[03])\b/i;

/**
 * Why the page is a sign-in or error page the URL was sent to, or null. Only a redirect to another path
 * counts: a page that merely holds a login box in its header, at the address cited, is still that page.
 */
export function signInPage(bytes: Uint8Array, served: Served): string | null {
  const from = parse(served.url);
  const to = parse(served.finalUrl);
  if (!from || !to || (from.pathname === to.pathname && from.host === to.host)) return null;
  const head = Buffer.from(bytes.subarray(0, 65_536)).toString("utf8");
  const title = pageTitle(head);
  const signs = [
    SIGN_IN_PATH.test(to.pathname) || SIGN_IN_HOST.test(to.hostname)
      ? `its address (${to.host}${to.pathname}) is a sign-in step`
      : null,
    PASSWORD_INPUT.test(head) ? "it asks for a password" : null,
    title && SIGN_IN_OR_ERROR_TITLE.test(title) ? `its title is “${title}”` : null,
  ].filter((sign): sign is string => sign !== null);
  if (!signs.length) return null;
  const shown = title ? ` (“${title}”)` : "";
  return `the URL now redirects to a sign-in or error page${shown} at ${served.finalUrl} instead of the page cited: ${signs.join(", ")}`;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function pageTitle(head: string): string | null {
  const title = /<title[^>]*>([^<]{1,160})<\/title>/i.exec(head)?.[1];
  return title ? title.replace(/\s+/g, " ").trim() || null : null;
}
