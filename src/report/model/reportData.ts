import type { ScreenedResponse } from "../../quality/types.ts";
import { columnArray } from "../../stats/columnArray.ts";
import { addColumn, type Column, createFrame, type Frame, MISSING_CODE } from "../../stats/index.ts";
import type { LoadedStudy } from "../../study/types.ts";
import type { Codebook } from "../../text/codebookTypes.ts";
import { type AnswerWriter, conceptWriters, type NamedColumns, rawWriter } from "./answerWriters.ts";
import type { ConceptInfo } from "./conceptQuestions.ts";
import { conceptInfos } from "./conceptQuestions.ts";
import { siteColumns } from "./siteColumns.ts";

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

export { siteLevel } from "./siteColumns.ts";

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
  // The position categoricalColumn gives a level: the last one, should an id repeat.
  const populationIndex = new Map(populations.map((id, i) => [id, i]));
  // The rows of the study's populations, with each one's position in `populations`.
  const rows: ScreenedResponse[] = [];
  const allCodes = columnArray(Int32Array, responses.length);
  const counts = new Int32Array(populations.length);
  for (const response of responses) {
    const code = populationIndex.get(response.population);
    if (code === undefined) continue;
    allCodes[rows.length] = code;
    counts[code]++;
    rows.push(response);
  }
  const n = rows.length;
  const populationCodes = allCodes.slice(0, n);
  const rowLists = populations.map((_, code) => columnArray(Int32Array, counts[code]));
  const filled = new Int32Array(populations.length);
  for (let i = 0; i < n; i++) {
    const code = populationCodes[i];
    rowLists[code][filled[code]++] = i;
  }
  const rowsOf = (population: string) => {
    const code = populationIndex.get(population);
    return code === undefined ? new Int32Array(0) : rowLists[code];
  };
  const frame = createFrame(n);
  // As categoricalColumn codes them: "" is missing.
  const frameCodes = populationIndex.has("")
    ? populationCodes.map((code) => (populations[code] === "" ? MISSING_CODE : code))
    : populationCodes;
  addColumn(frame, "population", { kind: "categorical", codes: frameCodes, levels: populations });
  const sites = siteColumns(study, populations, n);

  const concepts = conceptInfos(study);
  const writersOf: AnswerWriter[][] = populations.map(() => []);
  const writeFor = (population: string, writer: AnswerWriter) => {
    const code = populationIndex.get(population);
    if (code !== undefined) writersOf[code].push(writer);
  };
  const raw: Array<[string, () => Column]> = [];
  for (const [population, questions] of weightingQuestions) {
    for (const question of questions) {
      const { writer, column } = rawWriter(question, n);
      writeFor(population, writer);
      raw.push([`raw:${question}@${population}`, column]);
    }
  }
  const conceptColumns: Array<() => NamedColumns> = [];
  for (const info of concepts) {
    const { writers, columns } = conceptWriters(info, n);
    for (const { population, writer } of writers) writeFor(population, writer);
    conceptColumns.push(columns);
  }
  // Each open question's answers, in the order of its population's rows; coded after the pass.
  const openQuestions = concepts
    .filter((candidate) => candidate.kind === "open")
    .flatMap((info) =>
      info.questions.map((question) => {
        const texts = new Array<unknown>(rowsOf(question.population).length);
        let next = 0;
        writeFor(question.population, {
          question: question.question,
          write: (value) => {
            texts[next++] = value;
          },
        });
        return { info, question, texts };
      }),
    );
  // The one pass over the rows: each row's objects are read while they are in the cache.
  let simulatedRows = 0;
  const languages = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const code = populationCodes[i];
    if (row.paradata?.simulated === true) simulatedRows++;
    languages[i] = row.language;
    sites.read(row, i, code);
    const answers = row.answers;
    for (const writer of writersOf[code]) writer.write(answers[writer.question], i);
  }
  for (const [name, column] of sites.columns(rowsOf)) addColumn(frame, name, column);
  for (const [name, column] of raw) addColumn(frame, name, column());
  for (const columns of conceptColumns)
    for (const [name, column] of columns()) addColumn(frame, name, column);

  const open: OpenQuestionData[] = [];
  for (const { info, question, texts } of openQuestions) {
    const codebook = codebooks.get(`${question.population}.${question.question}`);
    if (!codebook) continue;
    const code = coderFor(codebook, question.population);
    const coded = new Array<CodedOpenAnswer>(n).fill(BLANK);
    const own = rowsOf(question.population);
    for (let k = 0; k < own.length; k++) {
      const text = texts[k];
      if (typeof text === "string" && text.trim() !== "") coded[own[k]] = code(text, languages[own[k]]);
    }
    open.push({ population: question.population, concept: info.concept.id, codebook, coded });
  }
  return { frame, populations, concepts, open, simulatedRows };
}
