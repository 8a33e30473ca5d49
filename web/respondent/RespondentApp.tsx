import { useMemo, useState } from "react";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import { messagesFor } from "./messages.ts";
import { clearProgress, type SavedProgress, saveProgress } from "./savedProgress.ts";
import { sendResponse } from "./sendResponse.ts";
import { trackTimings } from "./timingTracker.ts";

export interface PopulationInfo {
  id: string;
  eligibility?: string;
  screenOutMessage?: Record<string, string>;
  quotas?: Array<{ dimensions: Array<{ question: string }> }>;
  fieldwork: { start: string; end: string; timezone: string };
  fieldworkState: "before" | "open" | "after";
  siteQuestion?: string;
  sites: Array<{ id: string }>;
}

interface Props {
  study: string;
  population: PopulationInfo;
  language: string;
  mode: string;
  version: string;
  questionnaire: Record<string, unknown>;
  /** Where to start: a new response, this device's saved answers, or a response resumed from the server. */
  progress: SavedProgress;
  /** A personal invitation's token, sent with every save so the response stays bound to it. */
  token?: string;
}

/** The variables an expression names, so eligibility is judged only once all of them are answered. */
function variablesOf(expression: string): string[] {
  return [...expression.matchAll(/\{([^}]+)\}/g)].map((match) => match[1].split(/[.[]/)[0].trim());
}

export function RespondentApp({
  study,
  population,
  language,
  mode,
  version,
  questionnaire,
  progress,
  token,
}: Props) {
  const messages = messagesFor(language);
  const [problems, setProblems] = useState<string[]>([]);
  const survey = useMemo(() => {
    const model = new Model(questionnaire);
    model.locale = language;
    model.data = progress.answers;
    // An open link per site (?site=mx) answers the site question for the respondent and hides it.
    const site = new URLSearchParams(window.location.search).get("site");
    const siteQuestion = population.siteQuestion
      ? model.getQuestionByName(population.siteQuestion)
      : undefined;
    if (site && siteQuestion && population.sites.some((candidate) => candidate.id === site)) {
      model.setValue(siteQuestion.name, site);
      siteQuestion.visible = false;
    }
    if (progress.pageNo > 0 && progress.pageNo < model.visiblePageCount)
      model.currentPageNo = progress.pageNo;
    const timings = trackTimings(model);
    let screenedOut = false;
    const api = `/api/v1/studies/${encodeURIComponent(study)}/populations/${encodeURIComponent(population.id)}`;
    const quotaQuestions = new Set(
      population.quotas?.flatMap((quota) => quota.dimensions.map((dimension) => dimension.question)),
    );
    const endWith = (message: string | undefined) => {
      screenedOut = true;
      if (message)
        model.completedHtml = `<p>${message.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;
      model.doComplete();
    };
    // Told as soon as the answers place the respondent in a full cell, not after the whole questionnaire.
    const checkQuotas = async () => {
      try {
        const reply = await fetch(`${api}/quota-check`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ answers: model.data, language }),
        });
        const verdict = (await reply.json()) as { full: boolean; message?: string };
        if (verdict.full && model.state !== "completed") endWith(verdict.message);
      } catch {
        // Offline: the server decides when the response arrives.
      }
    };

    const remember = () =>
      saveProgress(study, population.id, { ...progress, answers: model.data, pageNo: model.currentPageNo });
    model.onValueChanged.add((_, options) => {
      remember();
      if (quotaQuestions.has(options.name)) void checkQuotas();
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
    // Each finished page is also kept on the server, so the respondent can resume on another device.
    model.onCurrentPageChanged.add(() => {
      remember();
      void fetch(`${api}/responses/${progress.id}/progress`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          language,
          mode,
          questionnaireVersion: version,
          answers: model.data,
          pageNo: model.currentPageNo,
          token,
        }),
      }).catch(() => undefined);
    });
    model.onComplete.add(async (_, options) => {
      options.showSaveInProgress(messages.saving);
      const outcome = await sendResponse(
        `${api}/responses`,
        {
          id: progress.id,
          language,
          mode,
          questionnaireVersion: version,
          answers: model.data,
          ...(token ? { token } : {}),
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
  }, [study, population, language, mode, version, questionnaire, messages, progress, token]);

  return (
    <>
      <Survey model={survey} />
      {!token && (
        <p className="parallax-resume">
          {messages.continueLater}{" "}
          <a
            href={`${window.location.pathname}?r=${progress.id}`}
          >{`${window.location.origin}${window.location.pathname}?r=${progress.id}`}</a>
        </p>
      )}
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
