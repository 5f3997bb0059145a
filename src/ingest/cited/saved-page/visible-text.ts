// What a reader sees of a saved page, taken in the browser that laid it out: the page's text less what its styles hide.

/**
 * Private-use characters the page's text is marked with for the reader in Node: a raised or lowered run
 * (<sup>, <sub>, or vertical-align) between OPEN and CLOSE, and struck-out text replaced by STRUCK.
 * Any the page itself holds are taken out first.
 */
export const SAVED_PAGE_MARKS = {
  supOpen: "\ue000",
  supClose: "\ue001",
  subOpen: "\ue002",
  subClose: "\ue003",
  struck: "\ue004",
} as const;

export type SavedPageMarks = typeof SAVED_PAGE_MARKS;

/**
 * Runs in the page (a DevTools call; the page's own scripts are off, and nothing it links to is loaded).
 * Takes out every piece of text a reader does not see, by the styles the page itself sets (its <style>
 * sheets and style attributes, cascaded by the browser): not laid out at all (display: none, a closed
 * <details>, the hidden attribute), invisible (visibility, opacity 0, a transparent colour, type under a
 * pixel), clipped to nothing (the visually-hidden pattern), or placed off the page (left: -9999px); then
 * marks raised, lowered and struck-out text, and returns the body's rendered text (innerText: one line
 * per block, cells apart by tabs).
 */
export function visibleText(marks: SavedPageMarks): string {
  const body = document.body;
  if (!body) return "";
  // A reader's browser runs scripts: what <noscript> holds is not shown to them.
  for (const el of Array.from(document.querySelectorAll("noscript"))) el.remove();
  const root = document.documentElement;
  const width = Math.max(root.scrollWidth, body.scrollWidth, window.innerWidth);
  const height = Math.max(root.scrollHeight, body.scrollHeight, window.innerHeight);
  const unseen = new Map<Element, boolean>();

  const transparent = (colour: string) =>
    /^rgba\(.*,\s*0(?:\.0+)?\)$/u.test(colour) || colour === "transparent";
  /** An element or one of its ancestors hides what is inside it, whatever its children say. */
  const hiddenBox = (el: Element | null): boolean => {
    if (!el) return false;
    const known = unseen.get(el);
    if (known !== undefined) return known;
    const style = window.getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const clipped = style.overflow !== "visible" && (box.width <= 1 || box.height <= 1);
    const clipRect = /^rect\(0(?:px)?,?\s*0(?:px)?,?\s*0(?:px)?,?\s*0(?:px)?\)$/u.test(style.clip);
    const hidden =
      style.display === "none" ||
      Number.parseFloat(style.opacity) === 0 ||
      clipped ||
      (style.position === "absolute" && clipRect) ||
      /inset\(\s*50%/u.test(style.clipPath) ||
      hiddenBox(el.parentElement);
    unseen.set(el, hidden);
    return hidden;
  };
  /** A run of text's own look: visibility and colour are inherited, and a child may set them back. */
  const invisibleText = (el: Element): boolean => {
    const style = window.getComputedStyle(el);
    return (
      style.visibility !== "visible" ||
      Number.parseFloat(style.fontSize) < 1 ||
      transparent(style.color) ||
      (transparent(style.getPropertyValue("-webkit-text-fill-color")) &&
        style.getPropertyValue("-webkit-text-fill-color") !== "")
    );
  };
  /** Some of it lies on the page, with a size. */
  const onPage = (node: Text): boolean => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return Array.from(range.getClientRects()).some((r) => {
      const left = r.left + window.scrollX;
      const top = r.top + window.scrollY;
      return (
        r.width > 0 &&
        r.height > 0 &&
        left + r.width > 0 &&
        top + r.height > 0 &&
        left < width &&
        top < height
      );
    });
  };

  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const hiddenText: Text[] = [];
  const all: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) all.push(node as Text);
  const strip = new RegExp(`[${Object.values(marks).join("")}]`, "gu");
  for (const text of all) {
    text.data = text.data.replace(strip, "");
    const el = text.parentElement;
    if (text.data.trim() === "" || !el) continue;
    if (hiddenBox(el) || invisibleText(el) || !onPage(text)) hiddenText.push(text);
  }
  for (const text of hiddenText) text.remove();

  // Struck-out text is not what the page says now: a mark no quote crosses stands in its place.
  const struck = (el: Element) =>
    /^(?:del|s|strike)$/iu.test(el.tagName) ||
    window.getComputedStyle(el).textDecorationLine.includes("line-through");
  for (const el of Array.from(body.querySelectorAll("*"))) {
    if (!el.isConnected || !struck(el)) continue;
    if (el.textContent?.trim()) el.replaceChildren(document.createTextNode(` ${marks.struck} `));
  }
  for (const el of Array.from(body.querySelectorAll("*"))) {
    const align = window.getComputedStyle(el).verticalAlign;
    const kind =
      el.tagName === "SUP" || align === "super"
        ? "sup"
        : el.tagName === "SUB" || align === "sub"
          ? "sub"
          : null;
    if (!kind || !el.textContent?.trim()) continue;
    el.prepend(document.createTextNode(kind === "sup" ? marks.supOpen : marks.subOpen));
    el.append(document.createTextNode(kind === "sup" ? marks.supClose : marks.subClose));
  }
  // The rendered text is the point: one line per block, as laid out, which textContent does not give.
  // biome-ignore lint/performance/useDomNodeTextContent: the layout's text is what is wanted
  return body.innerText;
}
