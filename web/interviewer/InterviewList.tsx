import type { AssignmentInfo } from "./assignmentTypes.ts";
import { type DamagedRecord, type InterviewRecord, isDamaged } from "./interviewRecord.ts";
import { formatTime, siteName } from "./localizedNames.ts";
import type { ContactRecord } from "./localStore.ts";
import type { AppMessages } from "./messages.ts";

interface Props {
  interviews: Array<InterviewRecord | DamagedRecord>;
  contacts: ContactRecord[];
  assignments: AssignmentInfo[];
  appLanguage: string;
  messages: AppMessages;
  onOpen(record: InterviewRecord): void;
  onCorrect(record: InterviewRecord): void;
}

/** Hands the raw record to the interviewer as a file: a damaged record still holds answers worth keeping. */
function exportRecord(record: DamagedRecord): void {
  const blob = new Blob([JSON.stringify(record.raw, null, 2)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `interview-${record.id}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Every interview on the device with its state: in progress, saved on device, uploaded, rejected, damaged. */
export function InterviewList({
  interviews,
  contacts,
  assignments,
  appLanguage,
  messages,
  onOpen,
  onCorrect,
}: Props) {
  const stateText = {
    in_progress: messages.stateInProgress,
    pending: messages.statePending,
    uploaded: messages.stateUploaded,
    rejected: messages.stateRejected,
  };
  const site = (record: InterviewRecord) =>
    siteName(
      assignments
        .find((item) => item.population.id === record.population && item.study.id === record.study)
        ?.population.sites.find((candidate) => candidate.id === record.site),
      record.site,
      appLanguage,
    );
  const refusals = contacts.filter((contact) => contact.outcome === "refusal").length;
  const nonContacts = contacts.length - refusals;
  return (
    <section className="ix-card">
      <h2>{messages.interviews}</h2>
      {interviews.length === 0 && <p className="ix-hint">{messages.noInterviews}</p>}
      <ul className="ix-interviews">
        {interviews.map((record) =>
          isDamaged(record) ? (
            <li key={record.id} className="ix-interview-row" data-id={record.id} data-state="damaged">
              <span className="ix-state ix-state-damaged">{messages.stateDamaged}</span>
              <span>{record.id.slice(0, 8)}</span>
              <span className="ix-reason">{`${messages.damagedExplained} (${record.reason})`}</span>
              <button type="button" onClick={() => exportRecord(record)}>
                {messages.exportRecord}
              </button>
            </li>
          ) : (
            <li key={record.id} className="ix-interview-row" data-id={record.id} data-state={record.state}>
              <span className={`ix-state ix-state-${record.state}`}>{stateText[record.state]}</span>
              <span>{formatTime(String(record.paradata.startedAt ?? record.createdAt), appLanguage)}</span>
              <span>{site(record)}</span>
              <span>{record.language}</span>
              {record.serverStatus && record.serverStatus !== "complete" && (
                <span>{record.serverStatus}</span>
              )}
              {record.state === "in_progress" && (
                <button type="button" className="ix-resume" onClick={() => onOpen(record)}>
                  {messages.resume}
                </button>
              )}
              {record.state === "rejected" && (
                <>
                  <span className="ix-reason">
                    {[
                      record.rejection?.message,
                      ...(record.rejection?.details ?? []).map((d) => `${d.path}: ${d.message}`),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                  <button type="button" className="ix-correct" onClick={() => onCorrect(record)}>
                    {messages.correct}
                  </button>
                </>
              )}
            </li>
          ),
        )}
      </ul>
      {contacts.length > 0 && (
        <p className="ix-hint">{`${messages.contactRefusal}: ${refusals} · ${messages.contactNonContact}: ${nonContacts}`}</p>
      )}
    </section>
  );
}
