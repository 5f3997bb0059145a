// Fit-to-page, measured in the browser: each fixed-size box steps its type down (then to a compact form, where it
// offers one) until nothing overflows, down or across.
import type { Page } from "puppeteer-core";

export { overflowError } from "./fit-error.js";

/** Steps 0..3: each template's CSS scales type and spacing down a notch per step (a box may offer larger ones, below 0). */
export const FIT_STEPS = 4;

/** A block whose content is wider than its box: a long word or URL, a wide table. */
export interface WideBlock {
  /** The start of its text, to find it by. */
  text: string;
  /** CSS pixels (96 per inch) it runs past its box. */
  overflow: number;
}

export interface BoxFit {
  /** What the box is ("the one-pager", a slide's title); "" for a piece that flows over pages. */
  label: string;
  step: number;
  /** The form the box settled on ("full", "compact"), or "" when it offers none. */
  form: string;
  /** Whether it took a form after its first: a one-pager condensed to fit. */
  condensed: boolean;
  fits: boolean;
  /** Pixels (CSS, 96 per inch) the content is too tall by at the last step. */
  overflow: number;
  /** The widest block running out of its box at the last step, if any. */
  wide: WideBlock | null;
  /** The claims inside, tallest first: what to cut. */
  claims: { title: string; height: number }[];
}

/**
 * Runs in the page (a DevTools call; the page's own scripts stay off), so everything it uses is inside it. Boxes
 * are `[data-fit-box]` elements of fixed size with overflow hidden; `[data-fit-region]` elements inside them must
 * not overflow either. A box with `data-fit-forms="full compact"` tries each form, every step of it, in turn; one with
 * `data-fit-grow="n"` starts each form at step -n, n steps larger than its first. A
 * page with no box (the brochure, which flows onto more pages) is measured across only, at its one size, in the
 * regions marked `data-fit-flow`.
 */
function fitBoxes(steps: number): BoxFit[] {
  /**
   * How far a block's in-flow content (its text, its children's boxes) runs past its content box, either side, and
   * the node that does. Decoration placed out of the flow or hidden from readers (cover rings) may bleed on purpose.
   * Measured line by line and column by column: a block split across two columns has a box in each.
   */
  const overhang = (el: HTMLElement): { by: number; node: Node | null } => {
    const style = getComputedStyle(el);
    const inset = (side: "Left" | "Right") =>
      Number.parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) +
      Number.parseFloat(style.getPropertyValue(`padding-${side.toLowerCase()}`));
    const frames = Array.from(el.getClientRects()).map((f) => ({
      left: f.left + inset("Left"),
      right: f.right - inset("Right"),
      top: f.top,
      bottom: f.bottom,
    }));
    let worst: { by: number; node: Node | null } = { by: 0, node: null };
    for (const node of Array.from(el.childNodes)) {
      let rects: DOMRect[];
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        rects = Array.from(range.getClientRects());
      } else if (node instanceof Element) {
        if (node.hasAttribute("aria-hidden")) continue;
        if (["absolute", "fixed"].includes(getComputedStyle(node).position)) continue;
        rects = Array.from(node.getClientRects());
      } else continue;
      for (const r of rects) {
        if (r.width === 0) continue;
        // The fragment of the block this line or box sits in: the one holding either of its ends.
        const within = (x: number) => (f: (typeof frames)[number]) =>
          x >= f.left - 1 && x <= f.right + 1 && r.top >= f.top - 1 && r.top <= f.bottom + 1;
        const frame = frames.find(within(r.left)) ?? frames.find(within(r.right));
        if (!frame) continue;
        const by = Math.max(r.right - frame.right, frame.left - r.left);
        if (by > worst.by) worst = { by, node };
      }
    }
    return worst;
  };
  /** The block inside `root` whose content runs furthest past its box (more than a pixel), named by its text. */
  const widest = (root: HTMLElement): WideBlock | null => {
    // No DOM.Iterable in this project's lib: Array.from instead of spreading NodeLists.
    const all = [root, ...Array.from(root.querySelectorAll<HTMLElement>("*"))];
    let worst: WideBlock | null = null;
    for (const el of all) {
      // An inline element or a hidden one measures 0 wide: only blocks hold a column's width.
      if (el.clientWidth === 0 || el.closest("[aria-hidden]")) continue;
      const { by, node } = overhang(el);
      // Half an em of slack: the space at the end of a wrapped line hangs past the edge, as it may.
      const slack = Math.max(1, Number.parseFloat(getComputedStyle(el).fontSize) / 2);
      if (by <= slack || (worst && worst.overflow >= by)) continue;
      const text = (node?.textContent ?? "").replace(/\s+/g, " ").trim();
      worst = { text: text.length > 48 ? `${text.slice(0, 45)}…` : text, overflow: Math.round(by) };
    }
    return worst;
  };
  /** A CSS length (or `letter`, `A4`) in pixels, as this page's CSS computes it. */
  const px = (length: string): number => {
    const named: Record<string, string> = { letter: "8.5in", a4: "210mm", legal: "8.5in" };
    const probe = document.createElement("div");
    probe.style.width = named[length.toLowerCase()] ?? length;
    document.body.append(probe);
    const width = probe.offsetWidth;
    probe.remove();
    return width;
  };
  /** The width of a page's printed area (its @page size less its side margins), or null when no rule sets it. */
  const printedWidth = (): number | null => {
    let size = "";
    let margins = ["0", "0"];
    for (const sheet of Array.from(document.styleSheets)) {
      // A sheet from elsewhere (refused, or another origin) cannot be read: it sets no page of ours.
      let rules: CSSRule[] = [];
      try {
        rules = Array.from(sheet.cssRules);
      } catch {
        continue;
      }
      for (const rule of rules) {
        if (!(rule instanceof CSSPageRule) || rule.selectorText !== "") continue;
        size = rule.style.getPropertyValue("size").split(/\s+/)[0] || size;
        if (rule.style.marginLeft) margins = [rule.style.marginLeft, rule.style.marginRight];
      }
    }
    return size ? px(size) - px(margins[0] ?? "0") - px(margins[1] ?? "0") : null;
  };
  const boxes = Array.from(document.querySelectorAll<HTMLElement>("[data-fit-box]"));
  if (boxes.length === 0) {
    // A piece that flows onto more pages (the brochure) is measured across only, in its `[data-fit-flow]`
    // regions, laid out as wide as a printed page's text: the window the page opens in is wider.
    const flows = Array.from(document.querySelectorAll<HTMLElement>("[data-fit-flow]"));
    const width = printedWidth();
    const before = document.body.style.width;
    if (width) document.body.style.width = `${width}px`;
    const wide = flows
      .map(widest)
      .reduce<WideBlock | null>((a, b) => (b && (!a || b.overflow > a.overflow) ? b : a), null);
    document.body.style.width = before;
    const base = { label: "", step: 0, form: "", condensed: false, overflow: 0, claims: [] };
    return [{ ...base, fits: wide === null, wide }];
  }
  return boxes.map((box) => {
    // A box overflows when it does, or when a region inside it (a slide's body, squeezed by a long headline) does.
    const regions = [box, ...Array.from(box.querySelectorAll<HTMLElement>("[data-fit-region]"))];
    const overflow = () => Math.max(...regions.map((r) => r.scrollHeight - r.clientHeight));
    const forms = (box.dataset.fitForms ?? "").split(/\s+/).filter(Boolean);
    const tries = forms.length ? forms : [""];
    let step = 0;
    let form = "";
    let wide: WideBlock | null = null;
    // A box that may grow (`data-fit-grow="1"`: the one-pager) first tries step -1, larger than its first: a page
    // with room to spare sets its type larger rather than leave a hole.
    const grow = Math.max(0, Math.floor(Number(box.dataset.fitGrow ?? 0)) || 0);
    for (const next of tries) {
      form = next;
      if (form) box.dataset.fitForm = form;
      for (step = -grow; step < steps; step++) {
        box.dataset.fitStep = String(step);
        // Across is measured only once down fits: a step too tall is stepped past either way.
        wide = overflow() <= 0 ? widest(box) : null;
        if (overflow() <= 0 && !wide) break;
      }
      if (step < steps) break;
      step = steps - 1;
    }
    const claims = Array.from(box.querySelectorAll<HTMLElement>("[data-claim-title]"))
      .map((el) => ({ title: el.dataset.claimTitle ?? "", height: el.offsetHeight }))
      .sort((a, b) => b.height - a.height);
    return {
      label: box.dataset.fitBox ?? "",
      step,
      form,
      condensed: form !== "" && form !== tries[0],
      fits: overflow() <= 0 && !wide,
      overflow: overflow(),
      wide,
      claims,
    };
  });
}

export async function fitToPage(page: Page): Promise<BoxFit[]> {
  return page.evaluate(fitBoxes, FIT_STEPS);
}

/**
 * The HTML with each box's chosen step (and form) written in: templates write `data-fit-box="…" data-fit-step="0"`,
 * followed by `data-fit-form="…"` in a box that offers forms.
 */
export function applySteps(html: string, fits: readonly BoxFit[]): string {
  const boxes = fits.filter((f) => f.label !== "");
  let i = 0;
  return html.replace(
    /(data-fit-box="[^"]*"\s+data-fit-step=")0"(?:(\s+data-fit-form=")([^"]*)")?/g,
    (match, head: string, formHead: string | undefined, written: string | undefined) => {
      const fit = boxes[i++];
      if (!fit) return match;
      return `${head}${fit.step}"${formHead ? `${formHead}${fit.form || written}"` : ""}`;
    },
  );
}

/** Whether every box fits. */
export function allFit(fits: readonly BoxFit[]): boolean {
  return fits.every((f) => f.fits);
}
