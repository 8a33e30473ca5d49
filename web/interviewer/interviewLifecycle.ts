import type { AssignmentInfo } from "./assignmentTypes.ts";
import type { InterviewRecord, SubmissionBody } from "./interviewRecord.ts";
import type { InterviewTimes } from "./interviewTimer.ts";
import type { Settings } from "./localStore.ts";

/** Sent with every interview, so a supervisor can tell which build of the app recorded it. */
export const appVersion = "interviewer/1";

/** Device time moved by the offset measured at the last contact with the server; the raw time is kept too. */
export function serverClock(settings: Settings, deviceNow = new Date()): string {
  return new Date(deviceNow.getTime() + (settings.clockOffsetMs ?? 0)).toISOString();
}

export function newInterview(input: {
  assignment: AssignmentInfo;
  site: string;
  language: string;
  settings: Settings;
  consentLocation: boolean;
}): Omit<InterviewRecord, "checksum"> {
  const { assignment, settings } = input;
  const deviceNow = new Date();
  const siteQuestion = assignment.population.siteQuestion;
  return {
    id: crypto.randomUUID(),
    study: assignment.study.id,
    population: assignment.population.id,
    site: input.site,
    language: input.language,
    questionnaireVersion: assignment.questionnaire.version,
    state: "in_progress",
    answers: siteQuestion ? { [siteQuestion]: input.site } : {},
    pageNo: 0,
    paradata: {
      startedAt: serverClock(settings, deviceNow),
      deviceStartedAt: deviceNow.toISOString(),
      clockOffsetMs: settings.clockOffsetMs ?? null,
      clockCheckedAt: settings.clockCheckedAt ?? null,
      interviewer: settings.session?.user.id ?? null,
      deviceId: settings.deviceId,
      appVersion,
      consent: { interview: true, location: input.consentLocation },
      pauses: [],
      pageTimes: {},
      questionTimes: {},
      activeMs: 0,
    },
    createdAt: deviceNow.toISOString(),
    updatedAt: deviceNow.toISOString(),
  };
}

export function timesOf(record: InterviewRecord): InterviewTimes {
  const paradata = record.paradata as Partial<InterviewTimes>;
  return {
    pageTimes: paradata.pageTimes ?? {},
    questionTimes: paradata.questionTimes ?? {},
    activeMs: paradata.activeMs ?? 0,
  };
}

/** The body sent to the server, fixed once: a retry must send the very same bytes' meaning to be recognised. */
export function finishInterview(
  record: InterviewRecord,
  answers: Record<string, unknown>,
  times: InterviewTimes,
  settings: Settings,
  extra: Record<string, unknown>,
): Omit<InterviewRecord, "checksum"> {
  const deviceNow = new Date();
  const paradata = {
    ...record.paradata,
    ...times,
    ...extra,
    endedAt: serverClock(settings, deviceNow),
    deviceEndedAt: deviceNow.toISOString(),
    ...(record.location ? { location: record.location } : {}),
  };
  const body: SubmissionBody = {
    id: record.id,
    language: record.language,
    mode: "f2f",
    questionnaireVersion: record.questionnaireVersion,
    answers,
    paradata,
  };
  return { ...record, answers, paradata, state: "pending", body, rejection: undefined };
}

/** Reopens an interview the server rejected: the answers stay, a new body is made when it ends again. */
export function reopenInterview(record: InterviewRecord): Omit<InterviewRecord, "checksum"> {
  const paradata = { ...record.paradata, correctedAfter: record.rejection?.message ?? null };
  return { ...record, state: "in_progress", body: undefined, paradata };
}
