import { columnArray } from "../../stats/columnArray.ts";
import { type Column, compareLevels, MISSING_CODE } from "../../stats/frame.ts";
import type { ConceptInfo, ConceptQuestionInfo } from "./conceptQuestions.ts";

/**
 * Writes one question's answer of a row into columns. The report reads every answer in one pass over the
 * rows, each row's answers object once: reading one question across a million answer objects, question
 * after question, spends its time waiting on memory.
 */
export interface AnswerWriter {
  question: string;
  write(value: unknown, row: number): void;
}

/** A concept's or a raw answer's columns, named, once the pass over the rows is done. */
export type NamedColumns = Array<[string, Column]>;

/** Remembers a function's result per argument: answers repeat a few choice values across many rows. */
function memoised<T>(compute: (value: unknown) => T): (value: unknown) => T {
  const seen = new Map<unknown, T>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined || seen.has(value)) return known as T;
    const result = compute(value);
    seen.set(value, result);
    return result;
  };
}

/**
 * The writers of a concept's questions (one question per population: the last, as a map keyed by
 * population keeps it) and its columns: `q:<concept>` categorical or numeric, `q:<concept>:<value>` 0/1 or rank.
 */
export function conceptWriters(
  info: ConceptInfo,
  n: number,
): { writers: Array<{ population: string; writer: AnswerWriter }>; columns: () => NamedColumns } {
  const id = info.concept.id;
  const questions = [...new Map(info.questions.map((question) => [question.population, question])).values()];
  const each = (make: (question: ConceptQuestionInfo) => AnswerWriter["write"]) =>
    questions.map((question) => ({
      population: question.population,
      writer: { question: question.question, write: make(question) },
    }));
  switch (info.kind) {
    case "single": {
      // As categoricalColumn(values, info.values) codes them: the last position of a level, "" missing.
      const codes = columnArray(Int32Array, n).fill(MISSING_CODE);
      const writers = each((question) => {
        const codeOf = memoised((value) => {
          const mapped = question.map(String(value));
          return mapped === "" || !info.values.includes(mapped)
            ? MISSING_CODE
            : info.values.lastIndexOf(mapped);
        });
        const writeSingle = (value: unknown, row: number) => {
          if (value !== undefined && value !== null && value !== "") codes[row] = codeOf(value);
        };
        return writeSingle;
      });
      return {
        writers,
        columns: () => [[`q:${id}`, { kind: "categorical", codes, levels: info.values }]],
      };
    }
    case "multiple":
    case "ranking": {
      const { writers, columns } = listWriters(info, n);
      return { writers: each(writers), columns };
    }
    case "numeric": {
      const column = columnArray(Float64Array, n).fill(Number.NaN);
      const writers = each(() => (value, row) => {
        if (typeof value === "number") column[row] = value;
        else if (typeof value === "string" && value !== "") column[row] = Number(value);
      });
      return { writers, columns: () => [[`q:${id}`, { kind: "numeric", values: column }]] };
    }
    case "open":
      return { writers: [], columns: () => [] };
  }
}

/**
 * The raw answers of a question the weighting reads (`raw:<question>@<population>`): numeric when every
 * answer is a number (or missing), else categorical over the answers as text, levels as
 * categoricalColumn sorts them (first seen first among equals).
 */
export function rawWriter(question: string, n: number): { writer: AnswerWriter; column: () => Column } {
  const numbers = columnArray(Float64Array, n).fill(Number.NaN);
  const textCodes = columnArray(Int32Array, n).fill(MISSING_CODE);
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  let numeric = true;
  const codeOf = memoised((value) => {
    const text = String(value);
    if (text === "") return MISSING_CODE;
    let code = textIndex.get(text);
    if (code === undefined) {
      code = texts.length;
      texts.push(text);
      textIndex.set(text, code);
    }
    return code;
  });
  const writer: AnswerWriter = {
    question,
    write(value, row) {
      if (value === undefined || value === null) return;
      if (typeof value === "number") numbers[row] = value;
      else numeric = false;
      textCodes[row] = codeOf(value);
    },
  };
  const column = (): Column => {
    if (numeric) return { kind: "numeric", values: numbers };
    const levels = [...texts].sort(compareLevels);
    const position = new Map(levels.map((level, i) => [level, i]));
    const recode = texts.map((text) => position.get(text) as number);
    for (let i = 0; i < n; i++) if (textCodes[i] !== MISSING_CODE) textCodes[i] = recode[textCodes[i]];
    return { kind: "categorical", codes: textCodes, levels };
  };
  return { writer, column };
}

/**
 * Every value's column of a select-multiple or ranking concept: 1 (or the rank of its first mention) where
 * listed, 0 (or missing) where not. The pass keeps each row's marks side by side in one small array, and the
 * columns are written one after another at the end: writing a dozen columns row by row is slower.
 */
function listWriters(
  info: ConceptInfo,
  n: number,
): { writers: (question: ConceptQuestionInfo) => AnswerWriter["write"]; columns: () => NamedColumns } {
  const m = info.values.length;
  const positionsOf = new Map<string, number[]>();
  info.values.forEach((value, k) => {
    positionsOf.set(value, [...(positionsOf.get(value) ?? []), k]);
  });
  const ranking = info.kind === "ranking";
  // Ranking: the rank, 0 where unranked. Select-multiple: 0 without a list, 1 listed, 2 mentioned.
  const marks = ranking ? columnArray(Int32Array, n * m) : columnArray(Uint8Array, n * m);
  const writers = (question: ConceptQuestionInfo) => {
    const targets = memoised((item) => positionsOf.get(question.map(String(item))) ?? []);
    return (list: unknown, row: number) => {
      if (!Array.isArray(list)) return;
      const base = row * m;
      if (!ranking) for (let k = 0; k < m; k++) marks[base + k] = 1;
      for (let position = 0; position < list.length; position++) {
        const item = list[position];
        // As forEach reads a list: holes are skipped.
        if (item === undefined && !(position in list)) continue;
        for (const k of targets(item))
          if (!ranking) marks[base + k] = 2;
          else if (marks[base + k] === 0) marks[base + k] = position + 1;
      }
    };
  };
  const columns = (): NamedColumns => {
    // One buffer for the concept's columns: fewer, larger allocations for the garbage collector to weigh.
    const buffer = columnArray(Float64Array, n * m);
    return info.values.map((value, k) => {
      const values = buffer.subarray(k * n, (k + 1) * n);
      // A mark of 0 is missing; a rank is itself, a select-multiple mark one more than its 0/1.
      const shift = ranking ? 0 : 1;
      for (let row = 0, at = k; row < n; row++, at += m) {
        const mark = marks[at];
        values[row] = mark === 0 ? Number.NaN : mark - shift;
      }
      return [`q:${info.concept.id}:${value}`, { kind: "numeric", values }];
    });
  };
  return { writers, columns };
}
