import { columnArray, columnArrayFrom } from "../../stats/columnArray.ts";
import { type EncodedAnswers, gatherEncoded, mismatches } from "../encodeAnswers.ts";
import type { OutlineQuestion } from "../questionnaireOutline.ts";
import { groupBy, isAnswered, median, type ScreenContext } from "../screenContext.ts";
import {
  durationsOf,
  encodedRowsOf,
  type ScreenRows,
  screenRows,
  startsOf,
  startTimesOf,
} from "../screenRows.ts";
import type { ScreenedResponse } from "../types.ts";
import { benfordDeviation, roundLastDigitExcess } from "./digitTests.ts";

export const indicatorNamesInOrder = [
  "duration",
  "nonResponse",
  "extreme",
  "middle",
  "other",
  "similarity",
  "perHour",
  "openLength",
  "digits",
  "benford",
] as const;

export type IndicatorName = (typeof indicatorNamesInOrder)[number];

export interface InterviewerIndicators {
  interviewer: string;
  population: string;
  interviews: ScreenedResponse[];
  /** Raw values; NaN where the indicator cannot be computed for this interviewer. */
  values: Record<IndicatorName, number>;
}

/** Largest number of a site's responses used for its baseline similarity (pairs grow with the square). */
const baselineSample = 300;

/** The per-response measures centred on their site and mode. */
const measureNames = ["nonResponse", "other", "extreme", "middle", "openLength"] as const;

/**
 * The indicators of interviewer falsification research (Bredl, Storfinger & Menold; Menold & Kemper) for
 * every interviewer of one population. Answer-based indicators are centred on the mean of the same site and
 * mode, so that countries answering differently do not look like interviewers answering differently.
 * `members` are the rows of `rows` that `responses` are (by default, the population's rows of them all).
 */
export function interviewerIndicators(
  population: string,
  responses: ScreenedResponse[],
  context: ScreenContext,
  rows: ScreenRows = screenRows(responses),
  members: number[] = rows.byPopulation.get(population) ?? [],
): InterviewerIndicators[] {
  const outline = context.populations.get(population)?.outline;
  if (!outline) return [];
  const settings = context.config.interviewers;
  const scaleQuestions = resolveScaleQuestions(context, outline.questions, population);
  const scales = scaleQuestions.map((question) => ({
    name: question.name,
    scale: question.choices.filter((value) => !settings.nonResponseValues.includes(value)),
  }));
  const count = members.length;
  // Measure m of local row i at measures[m * count + i]: flat, so a million responses make no objects.
  const measures = columnArray(Float64Array, measureNames.length * count);
  for (let local = 0; local < count; local++)
    responseMeasures(responses[local], outline.questions, scales, context, measures, local, count);

  const allDurations = durationsOf(rows);
  const durations = columnArrayFrom(Float64Array, members, (row) => allDurations[row]);
  const durationMedians = new Map<string, number>();
  for (const [mode, group] of groupBy(responses.keys(), (local) => responses[local].mode)) {
    const known: number[] = [];
    for (const local of group) if (!Number.isNaN(durations[local])) known.push(durations[local]);
    durationMedians.set(mode, median(known));
  }

  // Every row's site-and-mode block, numbered in first-seen order.
  const siteGroups = [...groupBy(responses.keys(), (local) => siteModeKey(responses[local])).values()];
  const sites = siteGroups.length;
  const siteOf = columnArray(Int32Array, count);
  const siteMeans = new Float64Array(measureNames.length * sites);
  const encoded = encodedRowsOf(rows, population, outline, members);
  const siteSimilarity = new Float64Array(sites);
  siteGroups.forEach((group, site) => {
    for (const local of group) siteOf[local] = site;
    for (let m = 0; m < measureNames.length; m++) {
      let sum = 0;
      for (const local of group) sum += measures[m * count + local];
      siteMeans[m * sites + site] = sum / Math.max(group.length, 1);
    }
    siteSimilarity[site] = meanMatch(group.slice(0, baselineSample), encoded);
  });

  const result: InterviewerIndicators[] = [];
  const interviewed: number[] = [];
  for (let local = 0; local < count; local++) {
    const interviewer = responses[local].interviewer;
    if (typeof interviewer === "string" && interviewer !== "") interviewed.push(local);
  }
  const startTimes = startTimesOf(rows);
  const starts = startsOf(rows);
  for (const [interviewer, locals] of groupBy(interviewed, (local) => String(responses[local].interviewer))) {
    const interviews = locals.map((local) => responses[local]);
    const centred = (name: (typeof measureNames)[number]) => {
      const m = measureNames.indexOf(name);
      let sum = 0;
      for (const local of locals) sum += measures[m * count + local] - siteMeans[m * sites + siteOf[local]];
      return locals.length > 0 ? sum / locals.length : Number.NaN;
    };
    const logRatios: number[] = [];
    for (const local of locals) {
      const d = durations[local];
      if (Number.isNaN(d)) continue;
      const value = Math.log(d / (durationMedians.get(responses[local].mode) ?? d));
      if (!Number.isNaN(value)) logRatios.push(value);
    }
    let siteSum = 0;
    for (const local of locals) siteSum += siteSimilarity[siteOf[local]];
    const similarity =
      meanMatch(locals, encoded) - (locals.length > 0 ? siteSum / locals.length : Number.NaN);
    const numbers = (questions: string[]) =>
      interviews.flatMap((r) => questions.map((q) => Number(r.answers[q])).filter((n) => Number.isFinite(n)));
    result.push({
      interviewer,
      population,
      interviews,
      values: {
        duration: logRatios.length > 0 ? median(logRatios) : Number.NaN,
        nonResponse: centred("nonResponse"),
        extreme: centred("extreme"),
        middle: centred("middle"),
        other: centred("other"),
        similarity,
        perHour: interviewsPerHour(
          locals.map((local) => members[local]),
          starts,
          startTimes,
        ),
        openLength: centred("openLength"),
        digits: roundLastDigitExcess(numbers(settings.digitQuestions)) ?? Number.NaN,
        benford: benfordDeviation(numbers(settings.benfordQuestions)) ?? Number.NaN,
      },
    });
  }
  return result;
}

function siteModeKey(response: ScreenedResponse): string {
  return `${response.site ?? ""}\u0000${response.mode}`;
}

function resolveScaleQuestions(
  context: ScreenContext,
  questions: OutlineQuestion[],
  population: string,
): OutlineQuestion[] {
  const configured = context.config.interviewers.scaleQuestions;
  const names =
    configured.length > 0
      ? configured
      : context.config.rules.straightliner.grids
          .filter((grid) => grid.population === undefined || grid.population === population)
          .flatMap((grid) => grid.questions);
  return questions.filter((question) => names.includes(question.name) && question.kind === "single");
}

/** The centred measures of one response, written at `local` of each measure's stretch of `into`. */
function responseMeasures(
  response: ScreenedResponse,
  questions: OutlineQuestion[],
  scales: Array<{ name: string; scale: string[] }>,
  context: ScreenContext,
  into: Float64Array,
  local: number,
  count: number,
): void {
  const settings = context.config.interviewers;
  let shown = 0;
  let missing = 0;
  let other = 0;
  let openLength = 0;
  for (const question of questions) {
    const value = response.answers[question.name];
    if (question.kind === "open") {
      if (typeof value === "string") openLength += value.trim().length;
      if (!question.required && !isAnswered(value) && context.isShown(response, question.name)) {
        shown++;
        missing++;
      } else if (isAnswered(value)) shown++;
      continue;
    }
    if (!isAnswered(value)) continue;
    shown++;
    if (anyGiven(value, settings.nonResponseValues)) missing++;
    if (anyGiven(value, settings.otherValues)) other++;
  }
  let onScale = 0;
  let extreme = 0;
  let middle = 0;
  for (const { name, scale } of scales) {
    const position = scale.indexOf(String(response.answers[name]));
    if (position < 0) continue;
    onScale++;
    if (position === 0 || position === scale.length - 1) extreme++;
    if (scale.length % 2 === 1 && position === (scale.length - 1) / 2) middle++;
  }
  into[local] = shown > 0 ? missing / shown : 0;
  into[count + local] = shown > 0 ? other / shown : 0;
  into[2 * count + local] = onScale > 0 ? extreme / onScale : 0;
  into[3 * count + local] = onScale > 0 ? middle / onScale : 0;
  into[4 * count + local] = openLength;
}

/** Whether the answer (one value or a list) gives any of the values. */
function anyGiven(value: unknown, values: readonly string[]): boolean {
  if (!Array.isArray(value)) return values.includes(String(value));
  for (const item of value) if (values.includes(String(item))) return true;
  return false;
}

/**
 * The mean share of matching items over all pairs of the rows. The rows are first copied next to each
 * other (an interviewer's interviews lie far apart in the table), and the share of each possible count of
 * differing items is computed once; the pairs are summed in the same order as ever, so the mean is the same.
 */
function meanMatch(rows: number[], encoded: EncodedAnswers): number {
  if (rows.length < 2) return 0;
  const local = gatherEncoded(encoded, rows);
  const shares = new Float64Array(encoded.items + 1);
  for (let differing = 0; differing <= encoded.items; differing++)
    shares[differing] = 1 - differing / Math.max(encoded.items, 1);
  let total = 0;
  for (let a = 1; a < rows.length; a++) for (let b = 0; b < a; b++) total += shares[mismatches(local, a, b)];
  return total / ((rows.length * (rows.length - 1)) / 2);
}

/** Median over working days of (interviews started − 1) per hour between the day's first and last start. */
function interviewsPerHour(interviews: number[], starts: string[], startTimes: Float64Array): number {
  const byDay = groupBy(interviews, (row) => starts[row].slice(0, 10));
  const rates: number[] = [];
  for (const day of byDay.values()) {
    if (day.length < 2) continue;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let readable = 0;
    for (const row of day) {
      const start = startTimes[row];
      if (!Number.isFinite(start)) continue;
      readable++;
      if (start < first) first = start;
      if (start > last) last = start;
    }
    const hours = (last - first) / 3_600_000;
    if (hours > 0) rates.push(Math.log((readable - 1) / hours));
  }
  return rates.length > 0 ? median(rates) : Number.NaN;
}
