import { useCallback, useEffect, useState } from "react";
import { localized } from "../interviewer/localizedNames.ts";
import { SignInForm } from "../shared/SignInForm.tsx";
import { ApiError, adminApi, type Session, type StudyInfo } from "./adminApi.ts";
import { adminLanguages, adminMessages, preferredLanguage } from "./adminMessages.ts";
import { ProgressPanel } from "./ProgressPanel.tsx";
import { QualityPanel } from "./QualityPanel.tsx";
import { RatesPanel } from "./RatesPanel.tsx";
import { SupervisorTable } from "./SupervisorTable.tsx";
import { ToplinesPanel } from "./ToplinesPanel.tsx";

const tabs = ["progress", "rates", "toplines", "quality", "interviewers"] as const;
type Tab = (typeof tabs)[number];

/** Which tabs a role may open: the server enforces the same, this only hides what would be refused. */
const tabsOf: Record<string, readonly Tab[]> = {
  admin: tabs,
  manager: tabs,
  analyst: ["toplines", "quality"],
};
const noTabs: readonly Tab[] = [];

const languageNames: Record<string, string> = {
  en: "English",
  es: "Español",
  pt: "Português",
  "zh-cn": "简体中文",
};

function tabFromHash(allowed: readonly Tab[]): Tab {
  const wanted = location.hash.slice(1) as Tab;
  return allowed.includes(wanted) ? wanted : allowed[0];
}

/** The admin app: sign in, pick a study and a language, and watch fieldwork as it happens. */
export function AdminApp() {
  const [session, setSession] = useState<Session | null>();
  const [studies, setStudies] = useState<StudyInfo[]>([]);
  const [studyId, setStudyId] = useState<string>();
  const [language, setLanguage] = useState(() => preferredLanguage(adminLanguages, navigator.languages));
  const [tab, setTab] = useState<Tab>("progress");
  const messages = adminMessages(language);

  useEffect(() => {
    // Not signed in, or the server unreachable: either way the sign-in form is what to show.
    adminApi.me().then(setSession, () => setSession(null));
  }, []);
  useEffect(() => {
    if (!session) return;
    void adminApi.studies().then((reply) => {
      setStudies(reply.studies);
      setStudyId((current) => current ?? reply.studies[0]?.id);
    });
  }, [session]);
  const allowed = tabsOf[session?.user.role ?? ""] ?? noTabs;
  useEffect(() => {
    const follow = () => setTab(tabFromHash(allowed));
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [allowed]);
  const signIn = useCallback(
    async (email: string, password: string) => {
      try {
        setSession(await adminApi.signIn(email, password));
        return undefined;
      } catch (error) {
        return error instanceof ApiError && error.status === 401
          ? adminMessages(language).signInFailed
          : String(error instanceof Error ? error.message : error);
      }
    },
    [language],
  );

  if (session === undefined) return <p className="ad-muted">…</p>;
  const study = studies.find((candidate) => candidate.id === studyId);
  const studyLanguages = study?.languages ?? adminLanguages;
  const header = (
    <header className="ad-header">
      <h1>{messages.appTitle}</h1>
      {session && studies.length > 1 && (
        <label>
          {messages.study}
          <select name="study" value={studyId} onChange={(event) => setStudyId(event.target.value)}>
            {studies.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {localized(candidate.title, language)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {messages.language}
        <select name="language" value={language} onChange={(event) => setLanguage(event.target.value)}>
          {adminLanguages
            .filter((code) => studyLanguages.includes(code))
            .map((code) => (
              <option key={code} value={code}>
                {languageNames[code] ?? code}
              </option>
            ))}
        </select>
      </label>
      {session && (
        <button
          type="button"
          onClick={() => {
            void adminApi.signOut(session).finally(() => setSession(null));
          }}
        >
          {messages.signOut} ({session.user.email})
        </button>
      )}
    </header>
  );
  if (!session)
    return (
      <>
        {header}
        <main className="ad-main">
          <SignInForm prefix="ad" labels={messages} onSignIn={signIn} />
        </main>
      </>
    );
  if (allowed.length === 0)
    return (
      <>
        {header}
        <main className="ad-main">
          <p className="ad-problem" role="alert">
            {messages.notAllowed}
          </p>
        </main>
      </>
    );
  const tabLabel: Record<Tab, string> = {
    progress: messages.tabProgress,
    rates: messages.tabRates,
    toplines: messages.tabToplines,
    quality: messages.tabQuality,
    interviewers: messages.tabInterviewers,
  };
  const canReview = session.user.role === "admin" || session.user.role === "manager";
  return (
    <>
      {header}
      <nav className="ad-tabs" aria-label={messages.appTitle}>
        {allowed.map((name) => (
          <a key={name} href={`#${name}`} aria-current={tab === name ? "page" : undefined}>
            {tabLabel[name]}
          </a>
        ))}
      </nav>
      <main className="ad-main" lang={language}>
        {study && <h2 className="ad-study">{localized(study.title, language)}</h2>}
        {study && tab === "progress" && (
          <ProgressPanel study={study} language={language} messages={messages} />
        )}
        {study && tab === "rates" && <RatesPanel study={study} language={language} messages={messages} />}
        {study && tab === "toplines" && (
          <ToplinesPanel study={study} language={language} messages={messages} />
        )}
        {study && tab === "quality" && (
          <QualityPanel
            study={study}
            language={language}
            messages={messages}
            session={session}
            canReview={canReview}
          />
        )}
        {study && tab === "interviewers" && (
          <section className="ad-card" aria-labelledby="supervisor-title">
            <h2 id="supervisor-title">{messages.supervisorTitle}</h2>
            <div className="ad-scroll">
              <SupervisorTable study={study.id} language={language} />
            </div>
          </section>
        )}
      </main>
    </>
  );
}
