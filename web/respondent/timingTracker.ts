import type { SurveyModel } from "survey-core";

export interface Timings {
  startedAt: string;
  endedAt?: string;
  /** Milliseconds spent on each page and each question. */
  pageTimes: Record<string, number>;
  questionTimes: Record<string, number>;
}

/**
 * SurveyJS records no time per question, so the page does: a page's clock runs while it is shown, and a
 * question's clock runs from the moment it takes focus or an answer until another question does.
 */
export function trackTimings(survey: SurveyModel, now: () => number = () => performance.now()): Timings {
  const timings: Timings = { startedAt: new Date().toISOString(), pageTimes: {}, questionTimes: {} };
  let pageName = survey.currentPage?.name as string | undefined;
  let pageSince = now();
  let questionName: string | undefined;
  let questionSince = now();

  const add = (bucket: Record<string, number>, name: string | undefined, since: number) => {
    if (name) bucket[name] = Math.round((bucket[name] ?? 0) + now() - since);
  };
  const switchQuestion = (name: string | undefined) => {
    if (name === questionName) return;
    add(timings.questionTimes, questionName, questionSince);
    questionName = name;
    questionSince = now();
  };

  survey.onFocusInQuestion.add((_, options) => switchQuestion(options.question.name));
  survey.onValueChanged.add((_, options) => switchQuestion(options.question?.name ?? options.name));
  survey.onCurrentPageChanged.add((_, options) => {
    add(timings.pageTimes, pageName, pageSince);
    switchQuestion(undefined);
    pageName = options.newCurrentPage?.name;
    pageSince = now();
  });
  survey.onComplete.add(() => {
    add(timings.pageTimes, pageName, pageSince);
    switchQuestion(undefined);
    timings.endedAt = new Date().toISOString();
  });
  return timings;
}
