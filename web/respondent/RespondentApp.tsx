import { useMemo, useState } from "react";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import { messagesFor } from "./messages.ts";
import { clearProgress, loadProgress, saveProgress } from "./savedProgress.ts";
import { sendResponse } from "./sendResponse.ts";
import { trackTimings } from "./timingTracker.ts";

export interface PopulationInfo {
  id: string;
  eligibility?: string;
  screenOutMessage?: Record<string, string>;
}

interface Props {
  study: string;
  population: PopulationInfo;
  language: string;
  mode: string;
  version: string;
  questionnaire: Record<string, unknown>;
}

/** The variables an expression names, so eligibility is judged only once all of them are answered. */
function variablesOf(expression: string): string[] {
  return [...expression.matchAll(/\{([^}]+)\}/g)].map((match) => match[1].split(/[.[]/)[0].trim());
}

export function RespondentApp({ study, population, language, mode, version, questionnaire }: Props) {
  const messages = messagesFor(language);
  const [problems, setProblems] = useState<string[]>([]);
  const survey = useMemo(() => {
    const model = new Model(questionnaire);
    model.locale = language;
    const progress = loadProgress(study, population.id);
    model.data = progress.answers;
    if (progress.pageNo > 0 && progress.pageNo < model.visiblePageCount)
      model.currentPageNo = progress.pageNo;
    const timings = trackTimings(model);
    let screenedOut = false;

    const remember = () =>
      saveProgress(study, population.id, { ...progress, answers: model.data, pageNo: model.currentPageNo });
    model.onValueChanged.add(() => {
      remember();
      const rule = population.eligibility;
      if (!rule || variablesOf(rule).some((name) => model.getValue(name) === undefined)) return;
      if (model.runExpression(rule) === false) {
        screenedOut = true;
        const message = population.screenOutMessage?.[language];
        if (message)
          model.completedHtml = `<p>${message.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;
        model.doComplete();
      }
    });
    model.onCurrentPageChanged.add(remember);
    model.onComplete.add(async (_, options) => {
      options.showSaveInProgress(messages.saving);
      const outcome = await sendResponse(
        `/api/v1/studies/${encodeURIComponent(study)}/populations/${encodeURIComponent(population.id)}/responses`,
        {
          id: progress.id,
          language,
          mode,
          questionnaireVersion: version,
          answers: model.data,
          paradata: {
            ...timings,
            screenedOutInBrowser: screenedOut,
            viewport: `${window.innerWidth}x${window.innerHeight}`,
          },
        },
        () => options.showSaveInProgress(messages.retrying),
      );
      if (outcome.kind === "stored") {
        clearProgress(study, population.id);
        options.showSaveSuccess(screenedOut ? " " : messages.saved);
      } else if (outcome.kind === "rejected") {
        options.showSaveError(messages.rejected);
        setProblems(outcome.details.map((detail) => `${detail.path}: ${detail.message}`));
      } else {
        options.showSaveError(messages.failed);
      }
    });
    return model;
  }, [study, population, language, mode, version, questionnaire, messages]);

  return (
    <>
      <Survey model={survey} />
      {problems.length > 0 && (
        <ul className="parallax-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </>
  );
}
