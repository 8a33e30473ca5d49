import { useEffect, useMemo, useState } from "react";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import type { AssignmentInfo } from "./assignmentTypes.ts";
import { finishInterview, timesOf } from "./interviewLifecycle.ts";
import type { InterviewRecord } from "./interviewRecord.ts";
import { timeInterview } from "./interviewTimer.ts";
import type { LocalStore, Settings } from "./localStore.ts";
import type { AppMessages } from "./messages.ts";
import { fullCellsFor } from "./quotaWarnings.ts";

interface Props {
  store: LocalStore;
  record: InterviewRecord;
  questionnaire: Record<string, unknown>;
  assignment: AssignmentInfo;
  settings: Settings;
  messages: AppMessages;
  /** Called when the interviewer leaves: paused, or finished and saved on the device. */
  onLeave(finished: boolean): void;
}

function variablesOf(expression: string): string[] {
  return [...expression.matchAll(/\{([^}]+)\}/g)].map((match) => match[1].split(/[.[]/)[0].trim());
}

const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** One interview: the questionnaire in the respondent's language inside the app's frame in the interviewer's. */
export function InterviewScreen({
  store,
  record,
  questionnaire,
  assignment,
  settings,
  messages,
  onLeave,
}: Props) {
  const [quotaWarning, setQuotaWarning] = useState(false);
  const [done, setDone] = useState(false);
  const population = assignment.population;

  const session = useMemo(() => {
    const model = new Model(questionnaire);
    model.locale = record.language;
    model.data = record.answers;
    const siteQuestion = population.siteQuestion
      ? model.getQuestionByName(population.siteQuestion)
      : undefined;
    // The interviewer chose the site before starting; the question is hidden and answered for them.
    if (siteQuestion) {
      model.setValue(siteQuestion.name, record.site);
      siteQuestion.visible = false;
    }
    // SurveyJS clears hidden questions' values on completion, the site among them: put it back.
    const answersOf = () => (siteQuestion ? { ...model.data, [siteQuestion.name]: record.site } : model.data);
    if (record.pageNo > 0 && record.pageNo < model.visiblePageCount) model.currentPageNo = record.pageNo;
    performance.mark("ix:model");
    const timer = timeInterview(model, timesOf(record));
    let current: InterviewRecord = record;
    let screenedOut = false;
    let warned = false;
    // Every change is on the device at once: a flat battery loses at most the answer being typed.
    let saving = Promise.resolve();
    const save = (change: Partial<InterviewRecord>) => {
      saving = saving.then(async () => {
        if (current.state !== "in_progress") return;
        current = await store.saveInterview({ ...current, ...change });
      });
      return saving;
    };
    const checkQuota = () => {
      const full = fullCellsFor(population, assignment.quotaCells, model.data);
      if (full.length > 0 && !warned) {
        warned = true;
        setQuotaWarning(true);
      }
    };
    model.onValueChanged.add(() => {
      void save({ answers: model.data, pageNo: model.currentPageNo });
      checkQuota();
      const rule = population.eligibility;
      if (!rule || variablesOf(rule).some((name) => model.getValue(name) === undefined)) return;
      if (model.runExpression(rule) === false) {
        screenedOut = true;
        const message = population.screenOutMessage?.[record.language];
        if (message) model.completedHtml = `<p>${escapeHtml(message)}</p>`;
        model.doComplete();
      }
    });
    model.onCurrentPageChanged.add(() => void save({ answers: model.data, pageNo: model.currentPageNo }));
    model.onComplete.add(() => {
      const times = timer.flush();
      saving = saving.then(async () => {
        current = await store.saveInterview(
          finishInterview(current, answersOf(), times, settings, {
            screenedOutOnDevice: screenedOut,
            quotaWarnedOnDevice: warned,
            viewport: `${window.innerWidth}x${window.innerHeight}`,
          }),
        );
        setDone(true);
      });
    });
    checkQuota();
    const pause = async () => {
      const times = timer.flush();
      const pauses = [...((current.paradata.pauses as unknown[]) ?? []), { at: new Date().toISOString() }];
      await save({
        answers: model.data,
        pageNo: model.currentPageNo,
        paradata: { ...current.paradata, ...times, pauses },
      });
    };
    const finished = async () => {
      await saving;
      return current.state === "pending";
    };
    // Through the same chain as the answers, so neither write overwrites the other.
    const setLocation = (location: NonNullable<InterviewRecord["location"]>) => save({ location });
    return { model, pause, finished, setLocation };
  }, [store, record, questionnaire, assignment, population, settings]);

  useEffect(() => {
    performance.mark("ix:shown");
  }, []);

  // A GPS point only with the respondent's consent, kept beside the answers, never among them.
  useEffect(() => {
    const consent = record.paradata.consent as { location?: boolean } | undefined;
    if (!consent?.location || record.location || !("geolocation" in navigator)) return;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { latitude, longitude, accuracy } = position.coords;
        void session.setLocation({
          latitude,
          longitude,
          accuracy,
          at: new Date(position.timestamp).toISOString(),
        });
      },
      () => undefined,
      { timeout: 30_000, maximumAge: 60_000 },
    );
  }, [record, session]);

  // Leaving the page (tab closed, app switched away) pauses, so the timings never count the time away.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void session.pause();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, [session]);

  const leave = async () => {
    if (!(await session.finished())) await session.pause();
    onLeave(await session.finished());
  };

  return (
    <div className="ix-interview" data-interview={record.id}>
      <div className="ix-interview-bar">
        <button type="button" className="ix-leave" onClick={() => void leave()}>
          {done ? messages.backToList : messages.pause}
        </button>
        <span className="ix-interview-id">{record.id.slice(0, 8)}</span>
      </div>
      {quotaWarning && (
        <p className="ix-warning" role="alert">
          {messages.quotaWarning}
        </p>
      )}
      <Survey model={session.model} />
    </div>
  );
}
