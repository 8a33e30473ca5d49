import type { SurveyModel } from "survey-core";

export interface InterviewTimes {
  pageTimes: Record<string, number>;
  questionTimes: Record<string, number>;
  /** Time spent interviewing, pauses excluded. */
  activeMs: number;
}

/**
 * Time per page and per question, carried across pauses: a question's clock runs from the moment it takes focus
 * or an answer until another question does, a page's while it is shown, and nothing runs while paused.
 * `flush` adds the running clocks into the totals, which the caller saves.
 */
export function timeInterview(survey: SurveyModel, earlier: InterviewTimes, now = () => performance.now()) {
  const times: InterviewTimes = {
    pageTimes: { ...earlier.pageTimes },
    questionTimes: { ...earlier.questionTimes },
    activeMs: earlier.activeMs,
  };
  let pageName = survey.currentPage?.name as string | undefined;
  let pageSince = now();
  let questionName: string | undefined;
  let questionSince = now();
  let activeSince = now();

  const add = (bucket: Record<string, number>, name: string | undefined, since: number) => {
    if (name) bucket[name] = Math.round((bucket[name] ?? 0) + now() - since);
  };
  const switchQuestion = (name: string | undefined) => {
    if (name === questionName) return;
    add(times.questionTimes, questionName, questionSince);
    questionName = name;
    questionSince = now();
  };
  survey.onFocusInQuestion.add((_, options) => switchQuestion(options.question.name));
  survey.onValueChanged.add((_, options) => switchQuestion(options.question?.name ?? options.name));
  survey.onCurrentPageChanged.add((_, options) => {
    add(times.pageTimes, pageName, pageSince);
    switchQuestion(undefined);
    pageName = options.newCurrentPage?.name;
    pageSince = now();
  });

  return {
    flush(): InterviewTimes {
      add(times.pageTimes, pageName, pageSince);
      add(times.questionTimes, questionName, questionSince);
      times.activeMs = Math.round(times.activeMs + now() - activeSince);
      pageSince = questionSince = activeSince = now();
      return {
        pageTimes: { ...times.pageTimes },
        questionTimes: { ...times.questionTimes },
        activeMs: times.activeMs,
      };
    },
  };
}
