// The fontless stylesheet: the default one loads a web font from a third-party host.
import "survey-core/survey-core.fontless.min.css";
import "./respondent.css";
import "survey-core/i18n/spanish";
import "survey-core/i18n/portuguese";
import "survey-core/i18n/simplified-chinese";
import { createRoot } from "react-dom/client";
import { messagesFor } from "./messages.ts";
import { type PopulationInfo, RespondentApp } from "./RespondentApp.tsx";
import { resolveStart } from "./resolveStart.ts";

interface StudyReply {
  populations: PopulationInfo[];
}

function showNotice(root: HTMLElement, text: string): void {
  root.innerHTML = "";
  const notice = document.createElement("p");
  notice.className = "parallax-notice";
  notice.textContent = text;
  root.append(notice);
}

async function start(root: HTMLElement): Promise<void> {
  const [, , study, population, language] = window.location.pathname.split("/").map(decodeURIComponent);
  const mode = new URLSearchParams(window.location.search).get("mode") ?? "web";
  document.documentElement.lang = language;
  const messages = messagesFor(language);
  root.textContent = messages.loading;
  const api = `/api/v1/studies/${encodeURIComponent(study)}`;
  const [studyReply, questionnaireReply] = await Promise.all([
    fetch(api),
    fetch(`${api}/populations/${encodeURIComponent(population)}/questionnaire`),
  ]);
  if (!studyReply.ok || !questionnaireReply.ok) {
    root.textContent = messages.notFound;
    return;
  }
  const { populations } = (await studyReply.json()) as StudyReply;
  const { version, questionnaire } = (await questionnaireReply.json()) as {
    version: string;
    questionnaire: Record<string, unknown>;
  };
  const info = populations.find((candidate) => candidate.id === population);
  if (!info) {
    root.textContent = messages.notFound;
    return;
  }
  if (info.fieldworkState !== "open") {
    const day = info.fieldworkState === "before" ? info.fieldwork.start : info.fieldwork.end;
    const date = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(`${day}T12:00:00Z`),
    );
    const text = (info.fieldworkState === "before" ? messages.notYetOpen : messages.closed).replace(
      "{date}",
      date,
    );
    root.innerHTML = "";
    const notice = document.createElement("p");
    notice.className = "parallax-notice";
    notice.textContent = text;
    root.append(notice);
    return;
  }
  const start = await resolveStart(
    `${api}/populations/${encodeURIComponent(population)}`,
    study,
    population,
    new URLSearchParams(window.location.search),
  );
  if (start.kind === "stop") {
    showNotice(root, start.reason === "answered" ? messages.alreadyAnswered : messages.invalidInvitation);
    return;
  }
  root.textContent = "";
  createRoot(root).render(
    <RespondentApp
      study={study}
      population={info}
      language={language}
      mode={mode}
      version={version}
      questionnaire={questionnaire}
      progress={start.progress}
      token={start.token}
    />,
  );
}

const root = document.getElementById("root");
if (root) void start(root);
