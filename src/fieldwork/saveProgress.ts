import { ParallaxError } from "../errors.ts";
import { invitationRepository } from "../store/invitationRepository.ts";
import { responseRepository, type StoredResponse } from "../store/responseRepository.ts";
import { parseSubmission } from "./parseSubmission.ts";
import { bindInvitation, findInvitation } from "./resolveInvitation.ts";
import type { SubmitDeps } from "./submitResponse.ts";

export interface ProgressRequest {
  studyId: string;
  populationId: string;
  responseId: string;
  body: unknown;
  userAgent?: string;
}

/**
 * Keeps a respondent's answers in progress on the server, so they can leave and resume on any device. The
 * answers given so far are checked (types, choices, visibility), not the required ones still to come.
 */
export async function saveProgress(deps: SubmitDeps, request: ProgressRequest): Promise<StoredResponse> {
  const { study, population } = deps.catalogue.population(request.studyId, request.populationId);
  const body = typeof request.body === "object" && request.body !== null ? request.body : {};
  const { pageNo, ...rest } = body as Record<string, unknown>;
  const submission = parseSubmission({ ...rest, id: request.responseId }, population);
  const responses = responseRepository(deps.db);
  const existing = await responses.find(submission.id);
  if (existing && existing.status !== "partial") {
    throw new ParallaxError("RESPONSE_CONFLICT", "This response was already submitted", [
      { path: "id", message: existing.status },
    ]);
  }
  const invitation = await findInvitation(deps.db, submission.token, {
    studyId: study.definition.id,
    populationId: population.id,
    responseId: submission.id,
  });
  const version = submission.questionnaireVersion ?? study.questionnaires[population.id].version;
  const checker = await deps.catalogue.checker(study.definition.id, population.id, version);
  const issues = checker.validate(submission.answers, { partial: true });
  if (issues.length > 0) throw new ParallaxError("RESPONSE_INVALID", undefined, issues);
  await bindInvitation(deps.db, invitation, submission.id);

  const siteAnswer = population.siteQuestion ? submission.answers[population.siteQuestion] : undefined;
  const now = deps.now().toISOString();
  const response: StoredResponse = {
    id: submission.id,
    studyId: study.definition.id,
    populationId: population.id,
    questionnaireVersion: version,
    siteId: typeof siteAnswer === "string" ? siteAnswer : (invitation?.siteId ?? null),
    language: submission.language,
    mode: submission.mode,
    status: "partial",
    answers: submission.answers,
    paradata: { ...submission.paradata, pageNo: typeof pageNo === "number" ? pageNo : 0, savedAt: now },
    userAgent: request.userAgent ?? null,
    bodyHash: "",
    receivedAt: now,
    invitationId: invitation?.id ?? null,
  };
  if (!(await responses.savePartial(response))) {
    throw new ParallaxError("RESPONSE_CONFLICT", "This response was already submitted", [
      { path: "id", message: "submitted" },
    ]);
  }
  if (invitation) await invitationRepository(deps.db).setDisposition(invitation.id, "pending");
  return response;
}
