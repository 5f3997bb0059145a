// The theme's CSS variables (templates/theme/theme.css) → the colours and font names a PPTX master can carry.

/** Colours as PPTX writes them: six hex digits, no "#". */
export interface DeckTheme {
  colors: {
    navy: string;
    navy2: string;
    teal: string;
    tealInk: string;
    tealSoft: string;
    amber: string;
    ink: string;
    ink2: string;
    muted: string;
    rule: string;
    tint: string;
    paper: string;
    onNavy: string;
    onNavyMuted: string;
    danger: string;
  };
  /**
   * The first family of each stack: a presentation names one font, and the viewer's machine substitutes.
   * `mono` (code spans) is `--font-mono` when theme.css sets it, else Consolas: Office ships it, and
   * LibreOffice maps it to a monospace face, where the PDF's web font would fall back to a proportional one.
   */
  fonts: { sans: string; serif: string; mono: string };
}

/** The built-in theme's values: what a workspace theme.css that drops a variable falls back to. */
export const DEFAULT_THEME: DeckTheme = {
  colors: {
    navy: "0E2442",
    navy2: "17355E",
    teal: "0E8A8C",
    tealInk: "0A6567",
    tealSoft: "E6F3F2",
    amber: "E8A92E",
    ink: "1B2431",
    ink2: "3A4554",
    muted: "5D6878",
    rule: "D7DDE5",
    tint: "F3F5F8",
    paper: "FFFFFF",
    onNavy: "FFFFFF",
    onNavyMuted: "B9C7DA",
    danger: "B42318",
  },
  fonts: { sans: "Inter", serif: "Source Serif 4", mono: "Consolas" },
};

const COLOR_VARIABLES: Record<keyof DeckTheme["colors"], string> = {
  navy: "navy",
  navy2: "navy-2",
  teal: "teal",
  tealInk: "teal-ink",
  tealSoft: "teal-soft",
  amber: "amber",
  ink: "ink",
  ink2: "ink-2",
  muted: "muted",
  rule: "rule",
  tint: "tint",
  paper: "paper",
  onNavy: "on-navy",
  onNavyMuted: "on-navy-muted",
  danger: "danger",
};

/** Every `--name: value` declaration of the stylesheet, later ones winning (as the cascade does for :root). */
export function cssVariables(css: string): Map<string, string> {
  const out = new Map<string, string>();
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const m of withoutComments.matchAll(/--([\w-]+)\s*:\s*([^;}]+)/g)) {
    out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

/** "#0e2442", "#abc", "rgb(14, 36, 66)" → "0E2442"; anything else (a var(), a gradient) → null. */
export function hexColor(value: string): string | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join("") : hex[1]!;
    return digits.toUpperCase();
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(value.trim());
  if (!rgb) return null;
  return rgb
    .slice(1, 4)
    .map((n) => Math.min(255, Number(n)).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** `"Inter", "Helvetica Neue", Arial, sans-serif` → `Inter`. */
export function firstFamily(stack: string): string | null {
  const first = stack
    .split(",")[0]
    ?.trim()
    .replace(/^["']|["']$/g, "");
  return first && !/^(?:serif|sans-serif|monospace|system-ui|var\()/.test(first) ? first : null;
}

export function deckTheme(themeCss: string): DeckTheme {
  const vars = cssVariables(themeCss);
  const colors = { ...DEFAULT_THEME.colors };
  for (const [key, name] of Object.entries(COLOR_VARIABLES) as [
    keyof DeckTheme["colors"],
    string,
  ][]) {
    const value = vars.get(name);
    colors[key] = (value && hexColor(value)) ?? colors[key];
  }
  const font = (name: string, fallback: string) => {
    const stack = vars.get(name);
    return (stack && firstFamily(stack)) ?? fallback;
  };
  return {
    colors,
    fonts: {
      sans: font("font-sans", DEFAULT_THEME.fonts.sans),
      serif: font("font-serif", DEFAULT_THEME.fonts.serif),
      mono: font("font-mono", DEFAULT_THEME.fonts.mono),
    },
  };
}
