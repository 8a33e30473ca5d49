import type { Assignment } from "../store/assignmentRepository.ts";
import type { ContactAttempt } from "../store/contactAttemptRepository.ts";
import type { StoredResponse } from "../store/responseRepository.ts";
import type { User } from "../store/userRepository.ts";

export interface InterviewerSummary {
  interviewerId: string;
  email: string;
  name: string;
  /** "population: site, site" for each assignment in the study. */
  assignments: Array<{ population: string; sites: string[] }>;
  interviewsSynced: number;
  complete: number;
  screenedOut: number;
  quotaFull: number;
  /** Of the interviews that reached the end (complete), in seconds of active interviewing; null without any. */
  medianDurationSeconds: number | null;
  refusals: number;
  nonContacts: number;
  /** When the server last received anything from this interviewer (ISO time); null when never. */
  lastSync: string | null;
}

/** Active time when the app recorded it (pauses excluded), else end minus start; undefined when unknown. */
export function interviewSeconds(paradata: Record<string, unknown>): number | undefined {
  if (typeof paradata.activeMs === "number" && paradata.activeMs >= 0) return paradata.activeMs / 1000;
  const started = Date.parse(String(paradata.startedAt ?? ""));
  const ended = Date.parse(String(paradata.endedAt ?? ""));
  return Number.isFinite(started) && Number.isFinite(ended) && ended >= started
    ? (ended - started) / 1000
    : undefined;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const later = (a: string | null, b: string) => (a === null || b > a ? b : a);

/**
 * The supervisor's table: one row per interviewer who is assigned in the study or has sent anything to it.
 * Interviews are face-to-face responses naming the interviewer in `paradata.interviewer`.
 */
export function summarizeInterviewers(input: {
  users: User[];
  assignments: Assignment[];
  responses: StoredResponse[];
  contacts: ContactAttempt[];
}): InterviewerSummary[] {
  const rows = new Map<string, InterviewerSummary & { durations: number[] }>();
  const users = new Map(input.users.map((user) => [user.id, user]));
  const row = (id: string) => {
    let found = rows.get(id);
    if (!found) {
      const user = users.get(id);
      found = {
        interviewerId: id,
        email: user?.email ?? "",
        name: user?.name ?? "",
        assignments: [],
        interviewsSynced: 0,
        complete: 0,
        screenedOut: 0,
        quotaFull: 0,
        medianDurationSeconds: null,
        refusals: 0,
        nonContacts: 0,
        lastSync: null,
        durations: [],
      };
      rows.set(id, found);
    }
    return found;
  };
  for (const assignment of input.assignments) {
    row(assignment.userId).assignments.push({ population: assignment.populationId, sites: assignment.sites });
  }
  for (const response of input.responses) {
    const interviewer = response.paradata.interviewer;
    if (response.mode !== "f2f" || typeof interviewer !== "string" || response.status === "partial") continue;
    const summary = row(interviewer);
    summary.interviewsSynced++;
    if (response.status === "complete") summary.complete++;
    if (response.status === "screened_out") summary.screenedOut++;
    if (response.status === "quota_full") summary.quotaFull++;
    const seconds = response.status === "complete" ? interviewSeconds(response.paradata) : undefined;
    if (seconds !== undefined) summary.durations.push(seconds);
    summary.lastSync = later(summary.lastSync, response.receivedAt);
  }
  for (const contact of input.contacts) {
    const summary = row(contact.interviewerId);
    if (contact.outcome === "refusal") summary.refusals++;
    if (contact.outcome === "non_contact") summary.nonContacts++;
    summary.lastSync = later(summary.lastSync, contact.receivedAt);
  }
  return [...rows.values()]
    .map(({ durations, ...summary }) => ({ ...summary, medianDurationSeconds: median(durations) }))
    .sort((a, b) => (a.email || a.interviewerId).localeCompare(b.email || b.interviewerId));
}
