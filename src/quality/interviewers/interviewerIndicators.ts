import { encodeAnswers, mismatches } from "../encodeAnswers.ts";
import type { OutlineQuestion } from "../questionnaireOutline.ts";
import { durationSeconds, groupBy, isAnswered, median, type ScreenContext } from "../screenContext.ts";
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

/**
 * The indicators of interviewer falsification research (Bredl, Storfinger & Menold; Menold & Kemper) for
 * every interviewer of one population. Answer-based indicators are centred on the mean of the same site and
 * mode, so that countries answering differently do not look like interviewers answering differently.
 */
export function interviewerIndicators(
  population: string,
  responses: ScreenedResponse[],
  context: ScreenContext,
): InterviewerIndicators[] {
  const outline = context.populations.get(population)?.outline;
  if (!outline) return [];
  const settings = context.config.interviewers;
  const scaleQuestions = resolveScaleQuestions(context, outline.questions, population);
  const perResponse = new Map<ScreenedResponse, Record<string, number>>();
  const scales = scaleQuestions.map((question) => ({
    name: question.name,
    scale: question.choices.filter((value) => !settings.nonResponseValues.includes(value)),
  }));
  for (const response of responses)
    perResponse.set(response, responseMeasures(response, outline.questions, scales, context));

  const durationMedians = new Map<string, number>();
  for (const [mode, group] of groupBy(responses, (response) => response.mode))
    durationMedians.set(
      mode,
      median(group.map((r) => durationSeconds(r.paradata)).filter((d): d is number => d !== undefined)),
    );

  const siteMeans = new Map<string, Record<string, number>>();
  for (const [key, group] of groupBy(responses, siteModeKey))
    siteMeans.set(key, meanMeasures(group.map((r) => perResponse.get(r) ?? {})));

  const encoded = encodeAnswers(responses, outline);
  const rowOf = new Map(responses.map((response, row) => [response, row]));
  const siteSimilarity = new Map<string, number>();
  for (const [key, group] of groupBy(responses, siteModeKey))
    siteSimilarity.set(
      key,
      meanMatch(
        group.slice(0, baselineSample).map((r) => rowOf.get(r) ?? 0),
        encoded,
      ),
    );

  const result: InterviewerIndicators[] = [];
  const interviewed = responses.filter(
    (response) => typeof response.interviewer === "string" && response.interviewer !== "",
  );
  for (const [interviewer, interviews] of groupBy(interviewed, (response) => String(response.interviewer))) {
    const centred = (name: string) =>
      mean(
        interviews.map(
          (r) => (perResponse.get(r)?.[name] ?? 0) - (siteMeans.get(siteModeKey(r))?.[name] ?? 0),
        ),
      );
    const durations = interviews
      .map((r) => durationSeconds(r.paradata))
      .map((d, i) =>
        d === undefined ? Number.NaN : Math.log(d / (durationMedians.get(interviews[i].mode) ?? d)),
      )
      .filter((value) => !Number.isNaN(value));
    const similarity =
      meanMatch(
        interviews.map((r) => rowOf.get(r) ?? 0),
        encoded,
      ) - mean(interviews.map((r) => siteSimilarity.get(siteModeKey(r)) ?? 0));
    const numbers = (questions: string[]) =>
      interviews.flatMap((r) => questions.map((q) => Number(r.answers[q])).filter((n) => Number.isFinite(n)));
    result.push({
      interviewer,
      population,
      interviews,
      values: {
        duration: durations.length > 0 ? median(durations) : Number.NaN,
        nonResponse: centred("nonResponse"),
        extreme: centred("extreme"),
        middle: centred("middle"),
        other: centred("other"),
        similarity,
        perHour: interviewsPerHour(interviews),
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

function responseMeasures(
  response: ScreenedResponse,
  questions: OutlineQuestion[],
  scales: Array<{ name: string; scale: string[] }>,
  context: ScreenContext,
): Record<string, number> {
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
  return {
    nonResponse: shown > 0 ? missing / shown : 0,
    other: shown > 0 ? other / shown : 0,
    extreme: onScale > 0 ? extreme / onScale : 0,
    middle: onScale > 0 ? middle / onScale : 0,
    openLength,
  };
}

/** Whether the answer (one value or a list) gives any of the values. */
function anyGiven(value: unknown, values: readonly string[]): boolean {
  if (!Array.isArray(value)) return values.includes(String(value));
  for (const item of value) if (values.includes(String(item))) return true;
  return false;
}

function meanMeasures(measures: Array<Record<string, number>>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const measure of measures)
    for (const [key, value] of Object.entries(measure)) sums[key] = (sums[key] ?? 0) + value;
  for (const key of Object.keys(sums)) sums[key] /= Math.max(measures.length, 1);
  return sums;
}

function meanMatch(rows: number[], encoded: ReturnType<typeof encodeAnswers>): number {
  let total = 0;
  let pairs = 0;
  for (let a = 1; a < rows.length; a++)
    for (let b = 0; b < a; b++) {
      total += 1 - mismatches(encoded, rows[a], rows[b]) / Math.max(encoded.items, 1);
      pairs++;
    }
  return pairs > 0 ? total / pairs : 0;
}

/** Median over working days of (interviews started − 1) per hour between the day's first and last start. */
function interviewsPerHour(interviews: ScreenedResponse[]): number {
  const byDay = groupBy(interviews, (response) => String(response.paradata.startedAt ?? "").slice(0, 10));
  const rates: number[] = [];
  for (const day of byDay.values()) {
    if (day.length < 2) continue;
    const starts = day
      .map((response) => Date.parse(String(response.paradata.startedAt)))
      .filter(Number.isFinite);
    const hours = (Math.max(...starts) - Math.min(...starts)) / 3_600_000;
    if (hours > 0) rates.push(Math.log((starts.length - 1) / hours));
  }
  return rates.length > 0 ? median(rates) : Number.NaN;
}

function mean(values: number[]): number {
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
}
