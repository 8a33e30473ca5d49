import { localize } from "../../study/localize.ts";
import type { QuestionnaireJson, StudyDefinition } from "../../study/types.ts";
import { csvText } from "./csvText.ts";
import { type ExportVariable, exportVariables } from "./exportVariables.ts";

export interface ExportResponse {
  id: string;
  populationId: string;
  siteId: string | null;
  language: string;
  mode: string;
  status: string;
  questionnaireVersion: string;
  receivedAt: string;
  answers: Record<string, unknown>;
  paradata: Record<string, unknown>;
}

export interface CsvExport {
  data: string;
  codebook: string;
}

const metadataColumns = [
  ["id", "Response id"],
  ["population", "Population"],
  ["site", "Site"],
  ["language", "Language of the interview"],
  ["mode", "Mode (web, f2f)"],
  ["status", "Status"],
  ["questionnaire_version", "Questionnaire version"],
  ["received_at", "Received at (UTC)"],
  ["duration_seconds", "Duration in seconds"],
] as const;

function durationSeconds(paradata: Record<string, unknown>): number | null {
  const start = Date.parse(String(paradata.startedAt ?? ""));
  const end = Date.parse(String(paradata.endedAt ?? ""));
  return Number.isFinite(start) && Number.isFinite(end) && end >= start
    ? Math.round((end - start) / 1000)
    : null;
}

/**
 * Writes a study's responses as one CSV row per response and one column per answer, with a codebook in the
 * chosen language. Populations share a column where their questions share a name (mirrored questions do).
 */
export function exportCsv(
  study: StudyDefinition,
  questionnaires: Record<string, QuestionnaireJson>,
  responses: ExportResponse[],
  language: string,
): CsvExport {
  const perPopulation = new Map<string, Map<string, ExportVariable>>();
  const columns = new Map<
    string,
    { variable: ExportVariable; speaksLanguage: boolean; populations: string[] }
  >();
  for (const population of study.populations) {
    const json = questionnaires[population.id];
    if (!json) continue;
    const variables = exportVariables(json, language);
    perPopulation.set(population.id, new Map(variables.map((variable) => [variable.name, variable])));
    const speaksLanguage = population.languages.includes(language);
    for (const variable of variables) {
      const known = columns.get(variable.name);
      if (!known) columns.set(variable.name, { variable, speaksLanguage, populations: [population.id] });
      else {
        known.populations.push(population.id);
        // Describe a shared variable in the words of a population that answered in the export's language.
        if (speaksLanguage && !known.speaksLanguage) Object.assign(known, { variable, speaksLanguage });
      }
    }
  }

  const names = [...columns.keys()];
  const rows = responses.map((response) => {
    const own = perPopulation.get(response.populationId);
    return [
      response.id,
      response.populationId,
      response.siteId,
      response.language,
      response.mode,
      response.status,
      response.questionnaireVersion,
      response.receivedAt,
      durationSeconds(response.paradata),
      ...names.map((name) => own?.get(name)?.read(response.answers) ?? null),
    ];
  });
  const data = csvText([...metadataColumns.map(([name]) => name), ...names], rows);

  const populationNames = new Map(
    study.populations.map((population) => [population.id, localize(population.name, language)]),
  );
  const codebookRows = [
    ...metadataColumns.map(([name, label]) => [
      name,
      label,
      name === "duration_seconds" ? "numeric" : "text",
      "",
      "",
    ]),
    ...[...columns.values()].map(({ variable, populations }) => [
      variable.name,
      variable.label,
      variable.type,
      (variable.valueLabels ?? []).map(([value, label]) => `${value}=${label}`).join(" | "),
      populations.map((id) => populationNames.get(id) ?? id).join(" | "),
    ]),
  ];
  const codebook = csvText(["variable", "label", "type", "value_labels", "populations"], codebookRows);
  return { data, codebook };
}
