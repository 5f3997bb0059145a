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
      "illustration",
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
      "表",
      "그림",
    ].join("|") +
    ")\\s*(?:[0-9]+(?:[.-][0-9]+)*|[ivxlc]+|[a-z])\\s*[:.–—-]",
  "iu",
);

export function isCaption(firstLine: string): boolean {
  return CAPTION.test(firstLine.trim());
}
