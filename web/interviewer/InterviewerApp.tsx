import { useCallback, useEffect, useState } from "react";
import { SignInForm } from "../shared/SignInForm.tsx";
import { AssignmentList } from "./AssignmentList.tsx";
import type { AssignmentInfo } from "./assignmentTypes.ts";
import { InterviewList } from "./InterviewList.tsx";
import { InterviewScreen } from "./InterviewScreen.tsx";
import { newInterview, reopenInterview, serverClock } from "./interviewLifecycle.ts";
import { type DamagedRecord, type InterviewRecord, isDamaged } from "./interviewRecord.ts";
import { loadSurveyLocale } from "./loadSurveyLocale.ts";
import type { ContactRecord, LocalStore, Settings } from "./localStore.ts";
import { appLanguages, appMessages, defaultAppLanguage, fill, languageNames } from "./messages.ts";
import { type InterviewChoice, NewInterviewForm } from "./NewInterviewForm.tsx";
import { SurveyWarmUp } from "./SurveyWarmUp.tsx";
import { signIn } from "./serverApi.ts";
import { refreshAssignments, syncPending } from "./syncInterviews.ts";

const backgroundSyncMs = 15_000;
/** Beyond this, the device's clock is called wrong: interviews still get the server-corrected time. */
const clockToleranceMs = 5 * 60_000;

interface OpenInterview {
  record: InterviewRecord;
  questionnaire: Record<string, unknown>;
  assignment: AssignmentInfo;
}

export function InterviewerApp({ store }: { store: LocalStore }) {
  const [settings, setSettings] = useState<Settings>();
  const [assignments, setAssignments] = useState<AssignmentInfo[]>([]);
  const [interviews, setInterviews] = useState<Array<InterviewRecord | DamagedRecord>>([]);
  const [contacts, setContacts] = useState<ContactRecord[]>([]);
  const [open, setOpen] = useState<OpenInterview>();
  const [online, setOnline] = useState(navigator.onLine);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [warm, setWarm] = useState(false);
  const markWarm = useCallback(() => setWarm(true), []);
  const appLanguage = settings?.appLanguage ?? defaultAppLanguage(navigator.language);
  const messages = appMessages(appLanguage);

  const reload = useCallback(async () => {
    const [nextSettings, nextAssignments, nextInterviews, nextContacts] = await Promise.all([
      store.settings(),
      store.assignments(),
      store.interviews(),
      store.contacts(),
    ]);
    setSettings(nextSettings);
    setAssignments(nextAssignments);
    setInterviews(nextInterviews);
    setContacts(nextContacts);
  }, [store]);

  const signedOut = useCallback(async () => {
    await store.updateSettings({ session: undefined });
    setNotice(messages.syncSignIn);
  }, [store, messages]);

  const sync = useCallback(async () => {
    setBusy(true);
    try {
      const outcome = await syncPending(store);
      if (outcome.kind === "signedOut") await signedOut();
      else if (outcome.kind === "offline") setNotice(messages.syncOffline);
      else setNotice(fill(messages.syncDone, { sent: outcome.sent + outcome.rejected, left: outcome.left }));
    } finally {
      setBusy(false);
      await reload();
    }
  }, [store, messages, reload, signedOut]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Opening an interview should not wait for a chunk: the respondents' SurveyJS strings are loaded ahead.
  useEffect(() => {
    for (const language of new Set(assignments.flatMap((item) => item.population.languages))) {
      void loadSurveyLocale(language).catch(() => undefined);
    }
  }, [assignments]);

  // In the background: whenever the connection returns, and every few seconds while it lasts.
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  const signedIn = Boolean(settings?.session);
  useEffect(() => {
    if (!online || !signedIn || open) return;
    void sync();
    const timer = setInterval(() => void sync(), backgroundSyncMs);
    return () => clearInterval(timer);
  }, [online, signedIn, open, sync]);

  if (!settings) return <p className="ix-hint">…</p>;

  const header = (
    <header className="ix-header">
      <h1>{messages.appTitle}</h1>
      <span className={online ? "ix-online" : "ix-offline"} data-online={online}>
        {online ? messages.online : messages.offline}
      </span>
      <label>
        {messages.language}
        <select
          name="appLanguage"
          value={appLanguage}
          onChange={async (event) => {
            setSettings(await store.updateSettings({ appLanguage: event.target.value }));
          }}
        >
          {appLanguages.map((code) => (
            <option key={code} value={code}>
              {languageNames[code]}
            </option>
          ))}
        </select>
      </label>
      {settings.session && <span className="ix-user">{settings.session.user.email}</span>}
    </header>
  );

  if (!settings.session) {
    const keptOnDevice = interviews.filter((item) => isDamaged(item) || item.state !== "uploaded").length;
    return (
      <>
        {header}
        <SignInForm
          prefix="ix"
          labels={messages}
          notice={notice}
          onSignIn={async (email, password) => {
            const reply = await signIn(email, password);
            if (reply.kind === "unreachable") return messages.signInNeedsConnection;
            if (reply.kind !== "ok") return messages.signInFailed;
            if (reply.value.user.role !== "interviewer") return messages.notInterviewer;
            const user = { id: "", email: reply.value.user.email, name: reply.value.user.name };
            await store.updateSettings({ session: { user, csrfToken: reply.value.csrfToken } });
            const refreshed = await refreshAssignments(store);
            if (refreshed.kind === "signedOut") {
              await store.updateSettings({ session: undefined });
              return messages.notInterviewer;
            }
            setNotice(undefined);
            await reload();
            return undefined;
          }}
        >
          {keptOnDevice > 0 && <p className="ix-hint">{`${messages.interviews}: ${keptOnDevice}`}</p>}
        </SignInForm>
      </>
    );
  }

  if (open) {
    return (
      <>
        {header}
        <InterviewScreen
          key={open.record.id}
          store={store}
          record={open.record}
          questionnaire={open.questionnaire}
          assignment={open.assignment}
          settings={settings}
          messages={messages}
          onLeave={async (finished) => {
            setOpen(undefined);
            await reload();
            if (finished && navigator.onLine) void sync();
          }}
        />
      </>
    );
  }

  const openInterview = async (record: InterviewRecord) => {
    // Measured by bench/interviewer: from the tap to the questionnaire on screen (see InterviewScreen).
    performance.clearMarks();
    performance.mark("ix:open");
    const assignment = assignments.find(
      (item) => item.study.id === record.study && item.population.id === record.population,
    );
    // The version the interview began with; the current one only if that copy is gone from the device.
    const questionnaire =
      (await store.questionnaire(record.study, record.population, record.questionnaireVersion)) ??
      assignment?.questionnaire.json;
    if (!assignment || !questionnaire) return;
    await loadSurveyLocale(record.language);
    performance.mark("ix:loaded");
    setOpen({ record, questionnaire, assignment });
  };

  const start = async (choice: InterviewChoice) => {
    const record = await store.saveInterview(newInterview({ ...choice, settings }));
    await openInterview(record);
  };

  const clockOff = Math.abs(settings.clockOffsetMs ?? 0) > clockToleranceMs;
  const outdated = interviews.filter(
    (item) =>
      !isDamaged(item) &&
      item.state === "in_progress" &&
      assignments.some(
        (assignment) =>
          assignment.population.id === item.population &&
          assignment.questionnaire.version !== item.questionnaireVersion,
      ),
  ).length;
  const waiting = interviews.filter((item) => !isDamaged(item) && item.state === "pending").length;

  return (
    <>
      {header}
      <main className="ix-main" data-warm={warm || undefined}>
        {clockOff && (
          <p className="ix-warning" role="alert">
            {fill(messages.clockWrong, {
              minutes: Math.round(Math.abs(settings.clockOffsetMs ?? 0) / 60_000),
            })}
          </p>
        )}
        {outdated > 0 && <p className="ix-warning">{fill(messages.versionChanged, { count: outdated })}</p>}
        <section className="ix-card ix-sync">
          <button
            type="button"
            className="ix-sync-now ix-primary"
            disabled={busy}
            onClick={() => void sync()}
          >
            {busy ? messages.syncing : messages.syncNow}
          </button>
          <span className="ix-waiting" data-waiting={waiting}>{`${messages.statePending}: ${waiting}`}</span>
          {notice && <span className="ix-notice">{notice}</span>}
        </section>
        <NewInterviewForm
          assignments={assignments}
          appLanguage={appLanguage}
          messages={messages}
          onStart={(choice) => void start(choice)}
          onContact={async (choice, outcome) => {
            await store.saveContact({
              id: crypto.randomUUID(),
              study: choice.assignment.study.id,
              population: choice.assignment.population.id,
              site: choice.site,
              outcome,
              attemptedAt: serverClock(settings),
              state: "pending",
            });
            setNotice(outcome === "refusal" ? messages.contactRefusal : messages.contactNonContact);
            await reload();
          }}
        />
        <InterviewList
          interviews={interviews}
          contacts={contacts}
          assignments={assignments}
          appLanguage={appLanguage}
          messages={messages}
          onOpen={(record) => void openInterview(record)}
          onCorrect={async (record) => openInterview(await store.saveInterview(reopenInterview(record)))}
        />
        <SurveyWarmUp questionnaires={assignments.map((item) => item.questionnaire.json)} onDone={markWarm} />
        <AssignmentList
          assignments={assignments}
          updatedAt={settings.assignmentsAt}
          appLanguage={appLanguage}
          messages={messages}
          busy={busy}
          onRefresh={async () => {
            setBusy(true);
            const outcome = await refreshAssignments(store);
            if (outcome.kind === "signedOut") await signedOut();
            if (outcome.kind === "offline") setNotice(messages.syncOffline);
            setBusy(false);
            await reload();
          }}
        />
      </main>
    </>
  );
}
