import { useCallback } from "react";
import type { InterviewerSummary } from "../../src/server/interviewerSummary.ts";
import { useLive } from "./useLive.ts";

const labels = {
  en: {
    interviewer: "Interviewer",
    assignments: "Assignments",
    synced: "Interviews synced",
    complete: "Complete",
    screenedOut: "Screened out",
    median: "Median duration",
    refusals: "Refusals",
    nonContacts: "Non-contacts",
    lastSync: "Last sync",
    never: "never",
    failed: "The interviewer figures could not be loaded",
  },
  es: {
    interviewer: "Entrevistador",
    assignments: "Asignaciones",
    synced: "Entrevistas recibidas",
    complete: "Completas",
    screenedOut: "No elegibles",
    median: "Duración mediana",
    refusals: "Rechazos",
    nonContacts: "No contactos",
    lastSync: "Último envío",
    never: "nunca",
    failed: "No se pudieron cargar los datos de los entrevistadores",
  },
  pt: {
    interviewer: "Entrevistador",
    assignments: "Atribuições",
    synced: "Entrevistas recebidas",
    complete: "Completas",
    screenedOut: "Não elegíveis",
    median: "Duração mediana",
    refusals: "Recusas",
    nonContacts: "Não contatos",
    lastSync: "Último envio",
    never: "nunca",
    failed: "Não foi possível carregar os dados dos entrevistadores",
  },
  "zh-cn": {
    interviewer: "访员",
    assignments: "任务",
    synced: "已同步访问",
    complete: "完成",
    screenedOut: "不符合条件",
    median: "时长中位数",
    refusals: "拒访",
    nonContacts: "无人应答",
    lastSync: "最近同步",
    never: "从未",
    failed: "无法加载访员数据",
  },
};

function minutes(seconds: number | null): string {
  if (seconds === null) return "–";
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/**
 * The supervisor's view of face-to-face fieldwork, per interviewer: what reached the server, how long interviews
 * take, how many doors gave no interview, and when each interviewer last synced. Self-contained: give it a study
 * and a language; it fetches `GET /api/v1/studies/:study/interviewers` with the signed-in manager's cookie, again every 30 seconds.
 */
export function SupervisorTable({ study, language = "en" }: { study: string; language?: string }) {
  const text = labels[language as keyof typeof labels] ?? labels.en;
  const load = useCallback(async () => {
    const reply = await fetch(`/api/v1/studies/${encodeURIComponent(study)}/interviewers`, {
      credentials: "same-origin",
    });
    if (!reply.ok) throw new Error(String(reply.status));
    return ((await reply.json()) as { interviewers: InterviewerSummary[] }).interviewers;
  }, [study]);
  const live = useLive(load, 30_000);
  const rows = live.data;
  const failed = live.error !== undefined && rows === undefined;
  if (failed) return <p role="alert">{text.failed}</p>;
  if (!rows) return <p aria-busy="true">…</p>;
  const time = new Intl.DateTimeFormat(language, { dateStyle: "short", timeStyle: "short" });
  return (
    <table className="parallax-supervisor">
      <thead>
        <tr>
          <th>{text.interviewer}</th>
          <th>{text.assignments}</th>
          <th>{text.synced}</th>
          <th>{text.complete}</th>
          <th>{text.screenedOut}</th>
          <th>{text.median}</th>
          <th>{text.refusals}</th>
          <th>{text.nonContacts}</th>
          <th>{text.lastSync}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.interviewerId} data-interviewer={row.interviewerId}>
            <td>{row.name ? `${row.name} <${row.email}>` : row.email || row.interviewerId}</td>
            <td>
              {row.assignments.map((item) => `${item.population}: ${item.sites.join(", ")}`).join("; ")}
            </td>
            <td>{row.interviewsSynced}</td>
            <td>{row.complete}</td>
            <td>{row.screenedOut}</td>
            <td>{minutes(row.medianDurationSeconds)}</td>
            <td>{row.refusals}</td>
            <td>{row.nonContacts}</td>
            <td>{row.lastSync ? time.format(new Date(row.lastSync)) : text.never}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
