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

/**
 * Runs `task`, and once more when it failed because the browser or its page went away: the browser manager
 * starts a fresh Chromium on the next call, and a page whose print failed is not reused. Any other error, or a
 * second failure, is the caller's.
 */
export async function retryIfBrowserGone<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (!isBrowserGone(error)) throw error;
    return task();
  }
}
