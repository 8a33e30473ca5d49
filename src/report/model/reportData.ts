import type { ScreenedResponse } from "../../quality/types.ts";
import { addColumn, categoricalColumn, createFrame, type Frame, numericColumn } from "../../stats/index.ts";
import type { LoadedStudy } from "../../study/types.ts";
import type { Codebook } from "../../text/codebookTypes.ts";
import type { ConceptInfo } from "./conceptQuestions.ts";
import { conceptInfos } from "./conceptQuestions.ts";

/** What an open answer was coded as; `codes` is empty for a blank answer. */
export interface CodedOpenAnswer {
  codes: readonly string[];
}

/** Codes one open answer of a population's question (the report passes a memoised coder per codebook). */
export type OpenAnswerCoder = (text: string, language: string) => CodedOpenAnswer;

export interface OpenQuestionData {
  population: string;
  concept: string;
  codebook: Codebook;
  /** One entry per frame row; blank for rows of other populations. */
  coded: CodedOpenAnswer[];
}

/**
 * The valid responses of every population as one columnar frame: `population`, `site`, the site of each
 * population apart (`site@<population>`, missing elsewhere, for tests within a population), every concept
 * as columns (`q:<concept>` categorical; `q:<concept>:<value>` 0/1 or rank; `q:<concept>` numeric), and
 * the raw answers the weighting reads (`raw:<question>@<population>`). Open answers are kept coded.
 */
export interface ReportData {
  frame: Frame;
  populations: string[];
  concepts: ConceptInfo[];
  open: OpenQuestionData[];
  /** Number of rows in which `paradata.simulated` is true. */
  simulatedRows: number;
}

export const BLANK: CodedOpenAnswer = { codes: [] };

export function siteLevel(population: string, site: string): string {
  return `${population}/${site}`;
}

/**
 * Builds the report's frame from valid responses. `codebooks` holds the codebook of each open question by
 * `<population>.<question>`; open questions without one are left out of the keyword rankings.
 */
export function buildReportData(
  study: LoadedStudy,
  responses: ScreenedResponse[],
  codebooks: Map<string, Codebook>,
  coderFor: (codebook: Codebook, population: string) => OpenAnswerCoder,
  weightingQuestions: Map<string, string[]> = new Map(),
): ReportData {
  const populations = study.definition.populations.map((population) => population.id);
  const rows = responses.filter((response) => populations.includes(response.population));
  const n = rows.length;
  const frame = createFrame(n);
  addColumn(
    frame,
    "population",
    categoricalColumn(
      rows.map((row) => row.population),
      populations,
    ),
  );
  const siteLevels = study.definition.populations.flatMap((population) =>
    population.sites.map((site) => siteLevel(population.id, site.id)),
  );
  const knownLevels = new Set(siteLevels);
  const siteQuestions = new Map(
    study.definition.populations.map((population) => [population.id, population.siteQuestion]),
  );
  const siteOf = (row: ScreenedResponse) => {
    const question = siteQuestions.get(row.population);
    const recorded = row.site ?? (question ? String(row.answers[question] ?? "") : "");
    const level = siteLevel(row.population, recorded);
    return knownLevels.has(level) ? level : null;
  };
  // Each row's site once: the site columns of every population read it.
  const rowSites = rows.map(siteOf);
  addColumn(frame, "site", categoricalColumn(rowSites, siteLevels));
  for (const population of study.definition.populations) {
    const ids = population.sites.map((site) => site.id);
    const values = rows.map((row, i) => {
      if (row.population !== population.id) return null;
      const level = rowSites[i];
      return level === null ? null : level.slice(population.id.length + 1);
    });
    addColumn(frame, `site@${population.id}`, categoricalColumn(values, ids));
  }
  for (const [population, questions] of weightingQuestions) {
    for (const question of questions) {
      const values = rows.map((row) => (row.population === population ? row.answers[question] : undefined));
      const numeric = values.every(
        (value) => value === undefined || value === null || typeof value === "number",
      );
      addColumn(
        frame,
        `raw:${question}@${population}`,
        numeric
          ? numericColumn(values as Array<number | undefined>)
          : categoricalColumn(
              values.map((value) => (value === undefined || value === null ? null : String(value))),
            ),
      );
    }
  }
  const concepts = conceptInfos(study);
  const open: OpenQuestionData[] = [];
  for (const info of concepts) addConceptColumns(frame, rows, info);
  for (const info of concepts.filter((candidate) => candidate.kind === "open")) {
    for (const question of info.questions) {
      const codebook = codebooks.get(`${question.population}.${question.question}`);
      if (!codebook) continue;
      const code = coderFor(codebook, question.population);
      const coded = rows.map((row) => {
        if (row.population !== question.population) return BLANK;
        const text = row.answers[question.question];
        return typeof text === "string" && text.trim() !== "" ? code(text, row.language) : BLANK;
      });
      open.push({ population: question.population, concept: info.concept.id, codebook, coded });
    }
  }
  const simulatedRows = rows.filter((row) => row.paradata?.simulated === true).length;
  return { frame, populations, concepts, open, simulatedRows };
}

function addConceptColumns(frame: Frame, rows: ScreenedResponse[], info: ConceptInfo): void {
  const id = info.concept.id;
  const questionOf = new Map(info.questions.map((question) => [question.population, question]));
  const answerOf = (row: ScreenedResponse) => {
    const question = questionOf.get(row.population);
    return question ? { question, value: row.answers[question.question] } : null;
  };
  switch (info.kind) {
    case "single": {
      const values = rows.map((row) => {
        const found = answerOf(row);
        if (!found || found.value === undefined || found.value === null || found.value === "") return null;
        const mapped = found.question.map(String(found.value));
        return info.values.includes(mapped) ? mapped : null;
      });
      addColumn(frame, `q:${id}`, categoricalColumn(values, info.values));
      break;
    }
    case "multiple":
    case "ranking": {
      const lists = rows.map((row) => {
        const found = answerOf(row);
        return found && Array.isArray(found.value)
          ? (found.value as unknown[]).map((value) => found.question.map(String(value)))
          : null;
      });
      for (const value of info.values) {
        const column = new Float64Array(rows.length);
        lists.forEach((list, i) => {
          if (list === null) column[i] = Number.NaN;
          else if (info.kind === "multiple") column[i] = list.includes(value) ? 1 : 0;
          else column[i] = list.indexOf(value) >= 0 ? list.indexOf(value) + 1 : Number.NaN;
        });
        addColumn(frame, `q:${id}:${value}`, { kind: "numeric", values: column });
      }
      break;
    }
    case "numeric": {
      const values = rows.map((row) => {
        const value = answerOf(row)?.value;
        return typeof value === "number"
          ? value
          : typeof value === "string" && value !== ""
            ? Number(value)
            : null;
      });
      addColumn(frame, `q:${id}`, numericColumn(values));
      break;
    }
    case "open":
      break;
  }
}
