import type { QuestionnaireJson, StudyDefinition } from "../../study/types.ts";
import { csvText } from "./csvText.ts";
import { type ExportResponse, exportTable, valueLabelsText } from "./exportTable.ts";

export type { ExportResponse } from "./exportTable.ts";

export interface CsvExport {
  data: string;
  codebook: string;
}

/**
 * Writes a study's responses as one CSV row per response and one column per answer, with a codebook in the
 * chosen language.
 */
export function exportCsv(
  study: StudyDefinition,
  questionnaires: Record<string, QuestionnaireJson>,
  responses: ExportResponse[],
  language: string,
): CsvExport {
  const table = exportTable(study, questionnaires, responses, language);
  const data = csvText(
    table.columns.map((column) => column.name),
    table.rows,
  );
  const codebook = csvText(
    ["variable", "label", "type", "value_labels", "populations"],
    table.columns.map((column) => [
      column.name,
      column.label,
      column.type,
      valueLabelsText(column),
      column.populations.join(" | "),
    ]),
  );
  return { data, codebook };
}
