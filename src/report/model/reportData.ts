import type { ScreenedResponse } from "../../quality/types.ts";
import {
  addColumn,
  categoricalColumn,
  createFrame,
  type Frame,
  MISSING_CODE,
  numericColumn,
} from "../../stats/index.ts";
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
  const concepts = conceptInfos(study);
  const answers = answerColumns(rows, [
    ...concepts.flatMap((info) => info.questions),
    ...[...weightingQuestions].flatMap(([population, questions]) =>
      questions.map((question) => ({ population, question })),
    ),
  ]);
  for (const [population, questions] of weightingQuestions) {
    for (const question of questions) {
      const values = answers.of(population, question);
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
  const open: OpenQuestionData[] = [];
  for (const info of concepts) addConceptColumns(frame, rows, info, answers);
  for (const info of concepts.filter((candidate) => candidate.kind === "open")) {
    for (const question of info.questions) {
      const codebook = codebooks.get(`${question.population}.${question.question}`);
      if (!codebook) continue;
      const code = coderFor(codebook, question.population);
      const texts = answers.of(question.population, question.question);
      const coded = rows.map((row, i) => {
        if (row.population !== question.population) return BLANK;
        const text = texts[i];
        return typeof text === "string" && text.trim() !== "" ? code(text, row.language) : BLANK;
      });
      open.push({ population: question.population, concept: info.concept.id, codebook, coded });
    }
  }
  const simulatedRows = rows.filter((row) => row.paradata?.simulated === true).length;
  return { frame, populations, concepts, open, simulatedRows };
}

/** The answers of each population's questions as columns (undefined in other populations' rows). */
interface AnswerColumns {
  of(population: string, question: string): unknown[];
  /** The rows of a population, in order. */
  rowsOf(population: string): Int32Array;
}

/**
 * Reads every answer the report needs in one pass over the rows: reading one question across a hundred
 * thousand answer objects, concept after concept, spends its time waiting on memory.
 */
function answerColumns(
  rows: ScreenedResponse[],
  wanted: Array<{ population: string; question: string }>,
): AnswerColumns {
  const columns = new Map<string, unknown[]>();
  const byPopulation = new Map<string, Array<[string, unknown[]]>>();
  const key = (population: string, question: string) => `${population}\u0000${question}`;
  for (const { population, question } of wanted) {
    if (columns.has(key(population, question))) continue;
    const column = new Array<unknown>(rows.length).fill(undefined);
    columns.set(key(population, question), column);
    byPopulation.set(population, [...(byPopulation.get(population) ?? []), [question, column]]);
  }
  const rowLists = new Map<string, number[]>();
  rows.forEach((row, i) => {
    for (const [question, column] of byPopulation.get(row.population) ?? [])
      column[i] = row.answers[question];
    const list = rowLists.get(row.population);
    if (list) list.push(i);
    else rowLists.set(row.population, [i]);
  });
  const none = new Array<unknown>(rows.length).fill(undefined);
  const rowsOf = new Map([...rowLists].map(([population, list]) => [population, Int32Array.from(list)]));
  return {
    of: (population, question) => columns.get(key(population, question)) ?? none,
    rowsOf: (population) => rowsOf.get(population) ?? new Int32Array(0),
  };
}

/** Remembers a function's result per argument: answers repeat a few choice values across many rows. */
function memoised<T>(compute: (value: unknown) => T): (value: unknown) => T {
  const seen = new Map<unknown, T>();
  return (value) => {
    if (seen.has(value)) return seen.get(value) as T;
    const result = compute(value);
    seen.set(value, result);
    return result;
  };
}

function addConceptColumns(
  frame: Frame,
  rows: ScreenedResponse[],
  info: ConceptInfo,
  answers: AnswerColumns,
): void {
  const id = info.concept.id;
  // One question per population (the last, as a map keyed by population keeps it).
  const questions = [
    ...new Map(
      info.questions.map((question) => [
        question.population,
        { question, values: answers.of(question.population, question.question) },
      ]),
    ).values(),
  ];
  const n = rows.length;
  switch (info.kind) {
    case "single": {
      // As categoricalColumn(values, info.values) codes them: the last position of a level, "" missing.
      const codes = new Int32Array(n).fill(MISSING_CODE);
      for (const { question, values } of questions) {
        const codeOf = memoised((value) => {
          const mapped = question.map(String(value));
          return mapped === "" || !info.values.includes(mapped)
            ? MISSING_CODE
            : info.values.lastIndexOf(mapped);
        });
        for (const i of answers.rowsOf(question.population)) {
          const value = values[i];
          if (value !== undefined && value !== null && value !== "") codes[i] = codeOf(value);
        }
      }
      addColumn(frame, `q:${id}`, { kind: "categorical", codes, levels: info.values });
      break;
    }
    case "multiple":
    case "ranking": {
      // Every value's column: 1 (or the rank of its first mention) where listed, 0 (or missing) where not.
      const columns = info.values.map(() => new Float64Array(n).fill(Number.NaN));
      const columnsOf = new Map<string, Float64Array[]>();
      info.values.forEach((value, k) => {
        columnsOf.set(value, [...(columnsOf.get(value) ?? []), columns[k]]);
      });
      const ranking = info.kind === "ranking";
      for (const { question, values } of questions) {
        const targets = memoised((item) => columnsOf.get(question.map(String(item))) ?? []);
        for (const i of answers.rowsOf(question.population)) {
          const list = values[i];
          if (!Array.isArray(list)) continue;
          if (!ranking) for (const column of columns) column[i] = 0;
          list.forEach((item, position) => {
            for (const column of targets(item))
              if (!ranking) column[i] = 1;
              else if (Number.isNaN(column[i])) column[i] = position + 1;
          });
        }
      }
      info.values.forEach((value, k) => {
        addColumn(frame, `q:${id}:${value}`, { kind: "numeric", values: columns[k] });
      });
      break;
    }
    case "numeric": {
      const column = new Float64Array(n).fill(Number.NaN);
      for (const { question, values } of questions) {
        for (const i of answers.rowsOf(question.population)) {
          const value = values[i];
          if (typeof value === "number") column[i] = value;
          else if (typeof value === "string" && value !== "") column[i] = Number(value);
        }
      }
      addColumn(frame, `q:${id}`, { kind: "numeric", values: column });
      break;
    }
    case "open":
      break;
  }
}
