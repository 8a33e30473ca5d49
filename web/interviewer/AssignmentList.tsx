import type { AssignmentInfo } from "./assignmentTypes.ts";
import { formatTime, localized, siteName } from "./localizedNames.ts";
import { type AppMessages, fill } from "./messages.ts";

interface Props {
  assignments: AssignmentInfo[];
  updatedAt?: string;
  appLanguage: string;
  messages: AppMessages;
  busy: boolean;
  onRefresh(): void;
}

/** The assignments held on the device, each with the quota snapshot of its sites as last downloaded. */
export function AssignmentList({ assignments, updatedAt, appLanguage, messages, busy, onRefresh }: Props) {
  return (
    <section className="ix-card ix-assignments">
      <h2>{messages.assignments}</h2>
      {assignments.length === 0 && <p className="ix-hint">{messages.noAssignments}</p>}
      {assignments.map((assignment) => (
        <div key={assignment.id} className="ix-assignment" data-population={assignment.population.id}>
          <h3>{`${localized(assignment.study.title, appLanguage)} — ${localized(assignment.population.name, appLanguage)}`}</h3>
          <p>
            {`${messages.sites}: `}
            {assignment.sites
              .map((id) =>
                siteName(
                  assignment.population.sites.find((site) => site.id === id),
                  id,
                  appLanguage,
                ),
              )
              .join(", ")}
          </p>
          {assignment.quotaCells.length > 0 && (
            <table className="ix-quota">
              <caption>{messages.quota}</caption>
              <tbody>
                {assignment.quotaCells.map((cell) => (
                  <tr
                    key={`${cell.quotaId}/${cell.cell}`}
                    className={cell.count >= cell.target ? "ix-full" : ""}
                  >
                    <td>{cell.cell}</td>
                    <td>{`${cell.count} / ${cell.target}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      <div className="ix-actions">
        <button type="button" className="ix-refresh" disabled={busy} onClick={onRefresh}>
          {messages.refresh}
        </button>
        {updatedAt && (
          <span className="ix-hint">
            {fill(messages.updatedAt, { time: formatTime(updatedAt, appLanguage) })}
          </span>
        )}
      </div>
    </section>
  );
}
