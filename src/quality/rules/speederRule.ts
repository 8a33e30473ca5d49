import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { durationSeconds, groupBy, median, type ScreenContext } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/**
 * Too fast to have read the questions: the whole response against the median of the same population and
 * mode, and, where the respondent page recorded them, each question against its own median time.
 */
export function speederRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const settings = context.config.rules.speeder;
  const flags: Flag[] = [];
  for (const group of groupBy(
    responses,
    (response) => `${response.population}\u0000${response.mode}`,
  ).values()) {
    if (group.length < settings.minGroupSize) continue;
    const durations = group.map((response) => durationSeconds(response.paradata));
    const typical = median(durations.filter((value): value is number => value !== undefined));
    const questionMedians = medianQuestionTimes(group);
    group.forEach((response, index) => {
      const duration = durations[index];
      if (duration !== undefined && duration < settings.relativeDuration * typical) {
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
      const fastShare = shareOfFastQuestions(response, questionMedians, settings.fastQuestionRatio);
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

function medianQuestionTimes(group: ScreenedResponse[]): Map<string, number> {
  const samples = new Map<string, number[]>();
  for (const response of group) {
    const times = questionTimes(response);
    if (!times) continue;
    for (const name of Object.keys(times)) {
      const value = times[name];
      if (typeof value !== "number" || !(value > 0)) continue;
      const list = samples.get(name);
      if (list) list.push(value);
      else samples.set(name, [value]);
    }
  }
  const medians = new Map<string, number>();
  for (const [name, values] of samples)
    if (values.length >= minTimedQuestions) medians.set(name, median(values));
  return medians;
}

function shareOfFastQuestions(
  response: ScreenedResponse,
  medians: Map<string, number>,
  ratio: number,
): number | undefined {
  const times = questionTimes(response);
  if (!times) return undefined;
  let timed = 0;
  let fast = 0;
  for (const name of Object.keys(times)) {
    const value = times[name];
    const typical = medians.get(name);
    if (typeof value !== "number" || typical === undefined) continue;
    timed++;
    if (value < ratio * typical) fast++;
  }
  return timed >= minTimedQuestions ? fast / timed : undefined;
}
