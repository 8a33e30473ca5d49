import { columnArray } from "../../stats/columnArray.ts";
import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { groupBy, median, type ScreenContext } from "../screenContext.ts";
import { durationsOf, type ScreenRows, screenRows } from "../screenRows.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/**
 * Too fast to have read the questions: the whole response against the median of the same population and
 * mode, and, where the respondent page recorded them, each question against its own median time.
 */
export function speederRule(
  responses: ScreenedResponse[],
  context: ScreenContext,
  rows: ScreenRows = screenRows(responses),
): Flag[] {
  const settings = context.config.rules.speeder;
  const flags: Flag[] = [];
  const durations = durationsOf(rows);
  for (const members of groupBy(
    responses.keys(),
    (row) => `${responses[row].population}\u0000${responses[row].mode}`,
  ).values()) {
    if (members.length < settings.minGroupSize) continue;
    const known: number[] = [];
    for (const row of members) if (!Number.isNaN(durations[row])) known.push(durations[row]);
    const typical = median(known);
    const group = members.map((row) => responses[row]);
    const times = readQuestionTimes(group);
    const questionMedians = medianQuestionTimes(times);
    group.forEach((response, index) => {
      const duration = durations[members[index]];
      if (!Number.isNaN(duration) && duration < settings.relativeDuration * typical) {
        flags.push(
          makeFlag(
            response,
            "speeder",
            settings.severity,
            reasons.speederDuration(duration, typical, settings.relativeDuration, response.mode),
            { duration: Math.round(duration), median: Math.round(typical) },
          ),
        );
        return;
      }
      const fastShare = shareOfFastQuestions(times, index, questionMedians, settings.fastQuestionRatio);
      if (fastShare !== undefined && fastShare >= settings.fastQuestionShare) {
        flags.push(
          makeFlag(
            response,
            "speeder",
            settings.severity,
            reasons.speederQuestions(fastShare, settings.fastQuestionRatio),
            { fastQuestionShare: Number(fastShare.toFixed(3)) },
          ),
        );
      }
    });
  }
  return flags;
}

/** Questions needed before the per-question test is trusted. */
const minTimedQuestions = 5;

function questionTimes(response: ScreenedResponse): Record<string, unknown> | undefined {
  const times = response.paradata.questionTimes;
  return typeof times === "object" && times !== null && !Array.isArray(times)
    ? (times as Record<string, unknown>)
    : undefined;
}

/**
 * Every response's question times, read once into a column per question name (in the order first met):
 * the medians and then each response's share of fast questions are computed from the columns, without a
 * second pass over a million paradata objects or a list of numbers per question for the collector to trace.
 */
interface QuestionTimes {
  columns: Float64Array[];
  /** 1 where the response gave the question a number. */
  given: Uint8Array[];
  /** 1 where the response has a questionTimes record at all. */
  timed: Uint8Array;
}

function readQuestionTimes(group: ScreenedResponse[]): QuestionTimes {
  const slots = new Map<string, number>();
  const columns: Float64Array[] = [];
  const given: Uint8Array[] = [];
  const timed = columnArray(Uint8Array, group.length);
  for (let index = 0; index < group.length; index++) {
    const times = questionTimes(group[index]);
    if (!times) continue;
    timed[index] = 1;
    // for…in gives the names Object.keys gives for these plain records, without an array per response.
    for (const name in times) {
      const value = times[name];
      if (typeof value !== "number") continue;
      let slot = slots.get(name);
      if (slot === undefined) {
        slot = columns.length;
        slots.set(name, slot);
        columns.push(columnArray(Float64Array, group.length));
        given.push(columnArray(Uint8Array, group.length));
      }
      columns[slot][index] = value;
      given[slot][index] = 1;
    }
  }
  return { columns, given, timed };
}

/** The median of each question's positive times, NaN where fewer than minTimedQuestions are known. */
function medianQuestionTimes({ columns, given }: QuestionTimes): Float64Array {
  const medians = new Float64Array(columns.length).fill(Number.NaN);
  // One buffer for every question's known times: a column each would be as many again as the columns.
  const values = columnArray(Float64Array, columns[0]?.length ?? 0);
  columns.forEach((column, slot) => {
    let count = 0;
    for (let index = 0; index < column.length; index++)
      if (given[slot][index] === 1 && column[index] > 0) values[count++] = column[index];
    if (count >= minTimedQuestions) medians[slot] = median(values.subarray(0, count));
  });
  return medians;
}

function shareOfFastQuestions(
  { columns, given, timed }: QuestionTimes,
  index: number,
  medians: Float64Array,
  ratio: number,
): number | undefined {
  if (timed[index] === 0) return undefined;
  let counted = 0;
  let fast = 0;
  for (let slot = 0; slot < columns.length; slot++) {
    const typical = medians[slot];
    if (given[slot][index] === 0 || Number.isNaN(typical)) continue;
    counted++;
    if (columns[slot][index] < ratio * typical) fast++;
  }
  return counted >= minTimedQuestions ? fast / counted : undefined;
}
