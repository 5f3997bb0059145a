// Captions: "Figure 3:", "Table 2.", "Tableau 1 –" … stand under or over what floats, never in the running text.

/**
 * A caption's label and number, in the languages collateral's users cite most: figures, tables, charts,
 * listings and the like. A caption is set in the body's type in many papers, so only its words tell it
 * from a paragraph; what it labels floats, and a sentence of the body runs past both.
 */
const CAPTION = new RegExp(
  "^(?:" +
    [
      "fig(?:ure|\\.)?",
      "tab(?:le|\\.)?",
      "listing",
      "algorithm",
      "chart",
      "graph",
      "exhibit",
      "plate",
      "scheme",
      "diagram",
      "illustration",
      "map",
      "photo",
      "box",
      "tableau",
      "graphique",
      "figura",
      "tabla",
      "gráfico",
      "tabela",
      "abbildung",
      "abb\\.",
      "tabelle",
      "grafik",
      "afbeelding",
      "tabel",
      "figuur",
      "рисунок",
      "рис\\.",
      "таблица",
      "図",
      "图",
      "表",
      "그림",
    ].join("|") +
    ")(?!\\p{L})\\s*",
  "iu",
);

/**
 * The number after the label: 3, 2.1, S4, A.1, IV, or a lone capital (Figure A). Then the punctuation
 * that ends a caption's label. "Photos: visitors may not…", "Tablet. A new…" are sentences, not captions.
 */
const NUMBER =
  /^(?:[A-Z]?[0-9]+(?:[.-][0-9]+)*[a-z]?|[A-Z][.-][0-9]+|[IVXLC]+|[ivxlc]+|[A-Z])\s*[:.–—\-：．]/u;
/** Chinese, Japanese and Korean captions often end their label with a space alone: "図1 売上の推移". */
const CJK_NUMBER = /^[0-9０-９]+(?:[.-][0-9]+)*(?:\s|[:.：．])/u;
const CJK_LABEL = /^(?:[図图表]|그림)/u;

export function isCaption(firstLine: string): boolean {
  const line = firstLine.trim();
  const label = CAPTION.exec(line);
  if (label === null) return false;
  const rest = line.slice(label[0].length);
  return NUMBER.test(rest) || (CJK_LABEL.test(label[0]) && CJK_NUMBER.test(rest));
}
