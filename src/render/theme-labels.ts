// The theme's own labels (templates/theme/labels.yaml): a map of label key → text, checked like front matter.
import { parseYamlAs } from "../ingest/yaml.js";
import { LabelsSchema, type Message, shownPath, unknownLabels } from "../model/index.js";

export async function readThemeLabels(
  file: string,
  text: string,
): Promise<{ labels: Record<string, string>; messages: Message[] }> {
  const { value, positionOf } = parseYamlAs(text, LabelsSchema.nullable(), {
    file: shownPath(file),
    line: 1,
  });
  const labels = value ?? {};
  return { labels, messages: unknownLabels(labels, (path) => positionOf(path.slice(1))) };
}
