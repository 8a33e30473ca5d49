import { columnArray, columnArrayFrom, columnCopy } from "../stats/columnArray.ts";
import { type EncodedAnswers, gatherEncoded, type PackedAnswers, packAnswers } from "./encodeAnswers.ts";
import type { QuestionnaireOutline } from "./questionnaireOutline.ts";
import { startedRowOrder } from "./screenContext.ts";
import type { ScreenedResponse } from "./types.ts";

/**
 * What several rules read from the same responses, read once per screen and kept in flat arrays indexed by
 * row (the response's position in `responses`): at a million responses, reading paradata, parsing dates and
 * packing answers once per rule costs more than the rules themselves, and per-response objects keep the
 * garbage collector busy. A subset (the completed responses of the eligible ones) shares its parent's work.
 */
export interface ScreenRows {
  responses: readonly ScreenedResponse[];
  /** The rows of each population, in input order; populations in first-seen order. */
  byPopulation: Map<string, number[]>;
  parent?: { rows: ScreenRows; of: Int32Array };
  times?: RowTimes;
  orders: Map<string, number[]>;
  packed: Map<string, { packed: PackedAnswers; position: Int32Array }>;
}

interface RowTimes {
  starts: string[];
  startTimes: Float64Array;
  durations: Float64Array;
}

export function screenRows(responses: readonly ScreenedResponse[]): ScreenRows {
  const byPopulation = new Map<string, number[]>();
  for (let row = 0; row < responses.length; row++) {
    const name = responses[row].population;
    const rows = byPopulation.get(name);
    if (rows) rows.push(row);
    else byPopulation.set(name, [row]);
  }
  return { responses, byPopulation, orders: new Map(), packed: new Map() };
}

/** The rows of `rows` that `keep` accepts, as rows of their own, in the same order. */
export function subsetRows(rows: ScreenRows, keep: (row: number) => boolean): ScreenRows {
  const of: number[] = [];
  for (let row = 0; row < rows.responses.length; row++) if (keep(row)) of.push(row);
  const subset = screenRows(of.map((row) => rows.responses[row]));
  subset.parent = { rows, of: columnCopy(Int32Array, of) };
  return subset;
}

/** paradata.startedAt as text, "" when missing. */
export function startsOf(rows: ScreenRows): string[] {
  return timesOf(rows).starts;
}

/** Date.parse of paradata.startedAt (NaN when missing or unreadable). */
export function startTimesOf(rows: ScreenRows): Float64Array {
  return timesOf(rows).startTimes;
}

/** durationSeconds of each row's paradata, NaN where that is undefined. */
export function durationsOf(rows: ScreenRows): Float64Array {
  return timesOf(rows).durations;
}

/** The times of every row, read once; a subset picks its rows' times from its parent's. */
function timesOf(rows: ScreenRows): RowTimes {
  if (!rows.times) {
    const parent = rows.parent;
    if (parent) {
      const all = timesOf(parent.rows);
      rows.times = {
        starts: Array.from(parent.of, (row) => all.starts[row]),
        startTimes: columnArrayFrom(Float64Array, parent.of, (row) => all.startTimes[row]),
        durations: columnArrayFrom(Float64Array, parent.of, (row) => all.durations[row]),
      };
    } else rows.times = readTimes(rows);
  }
  return rows.times;
}

/** The start texts, start times and durations of every row, in one pass over the paradata. */
function readTimes(rows: ScreenRows): RowTimes {
  const count = rows.responses.length;
  // Pushed, not preallocated: new Array(n) of a million is a slow dictionary array in V8.
  const starts: string[] = [];
  const startTimes = columnArray(Float64Array, count);
  const durations = columnArray(Float64Array, count);
  for (let row = 0; row < count; row++) {
    const paradata = rows.responses[row].paradata;
    const text = String(paradata.startedAt ?? "");
    starts.push(text);
    const start = Date.parse(text);
    const end = Date.parse(String(paradata.endedAt ?? ""));
    startTimes[row] = start;
    durations[row] =
      Number.isNaN(start) || Number.isNaN(end) || end < start ? Number.NaN : (end - start) / 1000;
  }
  return { starts, startTimes, durations };
}

/**
 * The population's rows in startedOrder (start text, then id; stable), as sortByStart orders its responses.
 * A subset keeps its parent's order: a stable sort of a subsequence is the subsequence of the stable sort.
 */
export function startOrderOf(rows: ScreenRows, population: string): number[] {
  let order = rows.orders.get(population);
  if (order) return order;
  const parent = rows.parent;
  if (parent) {
    const inverse = columnArray(Int32Array, parent.rows.responses.length).fill(-1);
    parent.of.forEach((parentRow, row) => {
      inverse[parentRow] = row;
    });
    order = [];
    for (const parentRow of startOrderOf(parent.rows, population)) {
      const row = inverse[parentRow];
      if (row >= 0) order.push(row);
    }
  } else {
    const members = rows.byPopulation.get(population) ?? [];
    order = [...members].sort(startedRowOrder(rows.responses, startsOf(rows)));
  }
  rows.orders.set(population, order);
  return order;
}

/** The answers of `order` (rows of one population), packed as encodeAnswers packs them, row by row. */
export function encodedRowsOf(
  rows: ScreenRows,
  population: string,
  outline: QuestionnaireOutline,
  order: readonly number[],
): EncodedAnswers {
  const { packed, positions } = packedRowsOf(rows, population, outline, order);
  return gatherEncoded(packed.encoded, positions);
}

/** The hash of each answerText of `order` (rows of one population), as packAnswers makes it. */
export function answerHashesOf(
  rows: ScreenRows,
  population: string,
  outline: QuestionnaireOutline,
  order: readonly number[],
): Int32Array {
  const { packed, positions } = packedRowsOf(rows, population, outline, order);
  return columnArrayFrom(Int32Array, positions, (position) => packed.hashes[position]);
}

/** The population's answers packed once, for the rows of the first set screened; where `order` is in it. */
function packedRowsOf(
  rows: ScreenRows,
  population: string,
  outline: QuestionnaireOutline,
  order: readonly number[],
): { packed: PackedAnswers; positions: number[] } {
  let root = rows;
  let mapped: ArrayLike<number> = order;
  while (root.parent) {
    const of = root.parent.of;
    mapped = Array.from(mapped, (row) => of[row]);
    root = root.parent.rows;
  }
  let entry = root.packed.get(population);
  if (!entry) {
    const members = root.byPopulation.get(population) ?? [];
    const position = columnArray(Int32Array, root.responses.length).fill(-1);
    members.forEach((row, index) => {
      position[row] = index;
    });
    const packed = packAnswers(
      members.map((row) => root.responses[row]),
      outline,
    );
    entry = { packed, position };
    root.packed.set(population, entry);
  }
  const position = entry.position;
  return { packed: entry.packed, positions: Array.from(mapped, (row) => position[row]) };
}
