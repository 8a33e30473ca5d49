import { localize } from "../../study/localize.ts";
import type { QuestionnaireJson, StudyDefinition } from "../../study/types.ts";
import { type ExportVariable, exportVariables, type VariableType } from "./exportVariables.ts";
import { type ExportWords, exportWords } from "./exportWords.ts";

/**
 * A stored response as the exports see it. It carries no user agent, invitation or personal data: exports are
 * de-identified by construction, since nothing identifying ever reaches them.
 */
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

export type ExportValue = string | number | null;

/** One column of every export format, described in the export's language. */
export interface ExportColumn {
  name: string;
  label: string;
  type: VariableType;
  valueLabels?: Array<[string | number, string]>;
  /** Display names of the populations whose questionnaire has this column; empty for response metadata. */
  populations: string[];
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: ExportValue[][];
}

function metadataColumns(words: ExportWords): Array<[string, string, VariableType]> {
  return [
    ["id", words.responseId, "text"],
    ["population", words.population, "text"],
    ["site", words.site, "text"],
    ["language", words.language, "text"],
    ["mode", words.mode, "text"],
    ["status", words.status, "text"],
    ["questionnaire_version", words.questionnaireVersion, "text"],
    ["received_at", words.receivedAt, "text"],
    ["duration_seconds", words.durationSeconds, "numeric"],
  ];
}

function durationSeconds(paradata: Record<string, unknown>): number | null {
  const start = Date.parse(String(paradata.startedAt ?? ""));
  const end = Date.parse(String(paradata.endedAt ?? ""));
  return Number.isFinite(start) && Number.isFinite(end) && end >= start
    ? Math.round((end - start) / 1000)
    : null;
}

/**
 * A study's responses as one row per response and one column per answer, described in the chosen language.
 * Populations share a column where their questions share a name (mirrored questions do).
 */
export function exportTable(
  study: StudyDefinition,
  questionnaires: Record<string, QuestionnaireJson>,
  responses: ExportResponse[],
  language: string,
): ExportTable {
  const perPopulation = new Map<string, Map<string, ExportVariable>>();
  const shared = new Map<
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
      const known = shared.get(variable.name);
      if (!known) shared.set(variable.name, { variable, speaksLanguage, populations: [population.id] });
      else {
        known.populations.push(population.id);
        // Describe a shared variable in the words of a population that answered in the export's language.
        if (speaksLanguage && !known.speaksLanguage) Object.assign(known, { variable, speaksLanguage });
      }
    }
  }

  const names = [...shared.keys()];
  const rows = responses.map((response): ExportValue[] => {
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

  const populationNames = new Map(
    study.populations.map((population) => [population.id, localize(population.name, language)]),
  );
  const columns: ExportColumn[] = [
    ...metadataColumns(exportWords(language)).map(([name, label, type]) => ({
      name,
      label,
      type,
      populations: [],
    })),
    ...[...shared.values()].map(({ variable, populations }) => ({
      name: variable.name,
      label: variable.label,
      type: variable.type,
      valueLabels: variable.valueLabels,
      populations: populations.map((id) => populationNames.get(id) ?? id),
    })),
  ];
  return { columns, rows };
}

/** Value labels as one line of text, as the CSV and XLSX codebooks show them. */
export function valueLabelsText(column: ExportColumn): string {
  return (column.valueLabels ?? []).map(([value, label]) => `${value}=${label}`).join(" | ");
}
