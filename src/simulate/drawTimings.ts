import type { QuestionnaireOutline } from "../quality/questionnaireOutline.ts";
import type { Random } from "./random.ts";

export interface Timings {
  startedAt: string;
  endedAt: string;
  /** Milliseconds per page and per question, as the respondent page records them. */
  pageTimes: Record<string, number>;
  questionTimes: Record<string, number>;
}

/** Typical seconds to answer a question of each kind, before the respondent's own pace. */
const baseSeconds: Record<string, number> = {
  single: 7,
  number: 6,
  multiple: 14,
  ranking: 30,
  matrix: 25,
  open: 10,
  other: 8,
};

/**
 * Times for one response: each question's typical time by kind (open answers by length typed) × the
 * respondent's pace × noise, all log-normal, so totals are log-normal too. `pace` above 1 is slower;
 * face-to-face interviews pass about 1.7 (questions read aloud).
 */
export function drawTimings(
  random: Random,
  outline: QuestionnaireOutline,
  answers: Record<string, unknown>,
  startedAt: Date,
  pace: number,
): Timings {
  const questionTimes: Record<string, number> = {};
  const pageTimes: Record<string, number> = {};
  for (const question of outline.questions) {
    const value = answers[question.name];
    if (value === undefined) continue;
    let seconds = baseSeconds[question.kind] ?? 8;
    if (question.kind === "open" && typeof value === "string") seconds += 0.6 * value.length;
    const milliseconds = Math.round(1000 * seconds * pace * random.logNormal(1, 0.35));
    questionTimes[question.name] = milliseconds;
    pageTimes[question.page] = (pageTimes[question.page] ?? 0) + milliseconds;
  }
  let total = 0;
  for (const page of Object.keys(pageTimes)) {
    pageTimes[page] += Math.round(4000 * pace * random.logNormal(1, 0.3));
    total += pageTimes[page];
  }
  return {
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + total).toISOString(),
    pageTimes,
    questionTimes,
  };
}

/** Scales every recorded time (a speeder, a hurried interviewer), keeping the start. */
export function scaleTimings(timings: Timings, factor: number): Timings {
  const scale = (times: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(times).map(([key, value]) => [key, Math.max(300, Math.round(value * factor))]),
    );
  const pageTimes = scale(timings.pageTimes);
  const total = Object.values(pageTimes).reduce((sum, value) => sum + value, 0);
  return {
    startedAt: timings.startedAt,
    endedAt: new Date(Date.parse(timings.startedAt) + total).toISOString(),
    pageTimes,
    questionTimes: scale(timings.questionTimes),
  };
}
