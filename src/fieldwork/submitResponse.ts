import { createHash } from "node:crypto";
import { ParallaxError } from "../errors.ts";
import type { ResponseRepository, StoredResponse } from "../store/responseRepository.ts";
import { canonicalJson } from "../study/canonicalJson.ts";
import { parseSubmission } from "./parseSubmission.ts";
import type { StudyCatalogue } from "./studyCatalogue.ts";

export type ResponseStatus = "complete" | "screened_out";

export interface SubmitDeps {
  catalogue: StudyCatalogue;
  responses: ResponseRepository;
  /** Evaluates an expression over answers; undefined when it names an unanswered question. */
  evaluate(expression: string, answers: Record<string, unknown>): boolean | undefined;
  now(): Date;
}

export interface SubmitRequest {
  studyId: string;
  populationId: string;
  body: unknown;
  userAgent?: string;
}

export interface SubmitResult {
  /** True when this call stored the response; false when it was already stored (a retry). */
  created: boolean;
  response: StoredResponse;
}

/**
 * Checks a submitted response against the exact questionnaire version and stores it once. A retry of the
 * same body returns the stored record; the same id with a different body is a conflict, never an overwrite.
 */
export async function submitResponse(deps: SubmitDeps, request: SubmitRequest): Promise<SubmitResult> {
  const { study, population } = deps.catalogue.population(request.studyId, request.populationId);
  const submission = parseSubmission(request.body, population);
  const bodyHash = hashBody(request.body);

  const existing = await deps.responses.find(submission.id);
  if (existing) return sameOrConflict(existing, bodyHash, request);

  const version = submission.questionnaireVersion ?? study.questionnaires[population.id].version;
  const checker = await deps.catalogue.checker(study.definition.id, population.id, version);
  const eligible = population.eligibility ? deps.evaluate(population.eligibility, submission.answers) : true;
  const status: ResponseStatus = eligible === false ? "screened_out" : "complete";
  const issues = checker.validate(submission.answers, { partial: status === "screened_out" });
  if (issues.length > 0) throw new ParallaxError("RESPONSE_INVALID", undefined, issues);

  const siteAnswer = population.siteQuestion ? submission.answers[population.siteQuestion] : undefined;
  const now = deps.now().toISOString();
  const response: StoredResponse = {
    id: submission.id,
    studyId: study.definition.id,
    populationId: population.id,
    questionnaireVersion: version,
    siteId: typeof siteAnswer === "string" ? siteAnswer : null,
    language: submission.language,
    mode: submission.mode,
    status,
    answers: submission.answers,
    paradata: { ...submission.paradata, receivedAt: now },
    userAgent: request.userAgent ?? null,
    bodyHash,
    receivedAt: now,
  };
  const { stored, inserted } = await deps.responses.insertOnce(response);
  if (!inserted) return sameOrConflict(stored, bodyHash, request);
  return { created: true, response: stored };
}

function sameOrConflict(existing: StoredResponse, bodyHash: string, request: SubmitRequest): SubmitResult {
  const samePlace = existing.studyId === request.studyId && existing.populationId === request.populationId;
  if (samePlace && existing.bodyHash === bodyHash) return { created: false, response: existing };
  throw new ParallaxError("RESPONSE_CONFLICT", undefined, [
    { path: "id", message: `response ${existing.id} was stored earlier with different content` },
  ]);
}

function hashBody(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
