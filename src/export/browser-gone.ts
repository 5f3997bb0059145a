// Telling a dead browser from a bad page: the one error worth a retry on a fresh Chromium.

/** Puppeteer's ways of saying the browser, or the page's target, went away under a call. */
export function isBrowserGone(error: unknown): boolean {
  const e = error as { name?: string; message?: string } | null;
  return (
    e?.name === "TargetCloseError" ||
    /Target closed|Session closed|Connection closed|browser has disconnected|frame was detached/i.test(
      e?.message ?? "",
    )
  );
}
