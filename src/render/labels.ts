// The words and language a piece prints in: labels (defaults ← theme ← front matter) and the document's lang.
import { type CollateralModel, DEFAULT_LABELS, isLabelKey, type Labels } from "../model/index.js";

export interface Locale {
  /** BCP 47 tag, canonical ("en", "de", "pt-BR"). */
  lang: string;
  labels: Labels;
}

export const DEFAULT_LOCALE: Locale = { lang: "en", labels: { ...DEFAULT_LABELS } };

/** Later maps win; keys that are not labels were warned about where they were written, and are left out. */
export function resolveLabels(...layers: (Readonly<Record<string, string>> | undefined)[]): Labels {
  const labels: Labels = { ...DEFAULT_LABELS };
  for (const layer of layers)
    for (const [key, text] of Object.entries(layer ?? {})) if (isLabelKey(key)) labels[key] = text;
  return labels;
}

/** The document's language: front matter `lang`, canonicalised; English when absent or not a language tag. */
export function documentLang(lang: string | undefined): string {
  try {
    return (lang && Intl.getCanonicalLocales(lang)[0]) || "en";
  } catch {
    return "en";
  }
}

export function localeOf(
  model: CollateralModel,
  themeLabels?: Readonly<Record<string, string>>,
): Locale {
  return {
    lang: documentLang(model.meta.lang),
    labels: resolveLabels(themeLabels, model.meta.labels),
  };
}

/** "For {audience}" + { audience: "Federal teams" } → "For Federal teams"; an unknown {name} stays as written. */
export function fillLabel(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name]! : whole,
  );
}
