import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { ParallaxError } from "../errors.ts";
import { invitationRepository } from "../store/invitationRepository.ts";
import { quotaRepository } from "../store/quotaRepository.ts";
import { responseRepository, type StoredResponse } from "../store/responseRepository.ts";
import type { Database } from "../store/schema.ts";
import { canonicalJson } from "../study/canonicalJson.ts";
import type { Population } from "../study/types.ts";
import { dispositionOfStatus } from "./dispositions.ts";
import { fieldworkState } from "./fieldworkState.ts";
import { parseSubmission, type Submission } from "./parseSubmission.ts";
import { cellsFor } from "./quotaCells.ts";
import { bindInvitation, findInvitation } from "./resolveInvitation.ts";
import type { AnswerChecker, StudyCatalogue } from "./studyCatalogue.ts";

export type ResponseStatus = "complete" | "screened_out" | "quota_full";

export interface SubmitDeps {
  catalogue: StudyCatalogue;
  db: Kysely<Database>;
  /** Evaluates an expression over answers; undefined when it names an unanswered question. */
  evaluate(expression: string, answers: Record<string, unknown>): boolean | undefined;
  now(): Date;
  /** Accept responses outside the fieldwork windows (a demo or a test run). */
  openFieldwork?: boolean;
  /** Stores a record encrypted in the personal-data store and returns its id; absent without a data key. */
  sealPersonalData?(studyId: string, record: Record<string, unknown>): Promise<string>;
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

/** Thrown inside the storing transaction to undo its quota increments. */
class Undo extends Error {
  constructor(readonly reason: "quota_full" | "already_stored") {
    super(reason);
  }
}

/**
 * Checks a submitted response against the exact questionnaire version and stores it once. A retry of the
 * same body returns the stored record; the same id with a different body is a conflict, never an overwrite.
 * A complete response is counted into its quota cells in the same transaction that stores it, so a cell
 * never ends above its target however many submissions race, on however many instances.
 */
export async function submitResponse(deps: SubmitDeps, request: SubmitRequest): Promise<SubmitResult> {
  const { study, population } = deps.catalogue.population(request.studyId, request.populationId);
  const submission = parseSubmission(request.body, population);
  const bodyHash = hashBody(request.body);
  const responses = responseRepository(deps.db);
  const cells = cellsFor(population, submission.answers);

  // Nearly every submission is a new respondent. With no invitation to bind and no quota cell to count, the
  // insert itself tells a retry apart, so the lookup waits until a check fails or the insert collides: one
  // query per submission instead of two.
  const lookFirst = submission.token !== undefined || cells.length > 0;
  const existing = lookFirst ? await responses.find(submission.id) : undefined;
  if (existing && existing.status !== "partial") return sameOrConflict(existing, bodyHash, request);

  const version = submission.questionnaireVersion ?? study.questionnaires[population.id].version;
  const quotas = quotaRepository(deps.db);
  const validate = (checker: AnswerChecker, current: ResponseStatus) => {
    const issues = checker.validate(submission.answers, { partial: current !== "complete" });
    if (issues.length > 0) throw new ParallaxError("RESPONSE_INVALID", undefined, issues);
  };
  const check = async () => {
    if (!deps.openFieldwork) assertFieldworkOpen(population, submission, deps.now());
    const invitation = await findInvitation(deps.db, submission.token, {
      studyId: study.definition.id,
      populationId: population.id,
      responseId: submission.id,
    });
    const checker = await deps.catalogue.checker(study.definition.id, population.id, version);
    const eligible = population.eligibility
      ? deps.evaluate(population.eligibility, submission.answers)
      : true;
    const knownFull =
      eligible !== false && (await quotas.firstFull(study.definition.id, population.id, cells));
    const status: ResponseStatus =
      eligible === false ? "screened_out" : knownFull ? "quota_full" : "complete";
    validate(checker, status);
    await bindInvitation(deps.db, invitation, submission.id);
    return { invitation, checker, status };
  };
  const checked = await check().catch(async (error: unknown) => {
    // A retry of a stored response is answered as before even if it would no longer pass (fieldwork closed).
    const earlier = lookFirst ? undefined : await responses.find(submission.id);
    if (earlier && earlier.status !== "partial") return sameOrConflict(earlier, bodyHash, request);
    throw error;
  });
  if ("created" in checked) return checked;
  const { invitation, checker } = checked;
  let status = checked.status;

  const siteAnswer = population.siteQuestion ? submission.answers[population.siteQuestion] : undefined;
  const now = deps.now().toISOString();
  const paradata = await separateLocation(deps, study.definition.id, submission);
  const build = (current: ResponseStatus): StoredResponse => ({
    id: submission.id,
    studyId: study.definition.id,
    populationId: population.id,
    questionnaireVersion: version,
    siteId: typeof siteAnswer === "string" ? siteAnswer : null,
    language: submission.language,
    mode: submission.mode,
    status: current,
    answers: submission.answers,
    paradata: { ...paradata, receivedAt: now },
    userAgent: request.userAgent ?? null,
    bodyHash,
    receivedAt: now,
    invitationId: invitation?.id ?? null,
  });
  const stored = async (response: StoredResponse): Promise<SubmitResult> => {
    if (invitation)
      await invitationRepository(deps.db).setDisposition(invitation.id, dispositionOfStatus[response.status]);
    return { created: true, response };
  };

  if (status === "complete" && cells.length > 0) {
    try {
      const written = await deps.db.transaction().execute(async (trx) => {
        if (await quotas.countInto(trx, study.definition.id, population.id, cells))
          throw new Undo("quota_full");
        const response = build("complete");
        const saved = existing
          ? await responseRepository(trx).finalize(response)
          : (await responseRepository(trx).insertOnce(response)).inserted;
        if (!saved) throw new Undo("already_stored");
        return response;
      });
      return await stored(written);
    } catch (error) {
      if (!(error instanceof Undo)) throw error;
      if (error.reason === "already_stored") {
        const raced = await responses.find(submission.id);
        if (raced) return sameOrConflict(raced, bodyHash, request);
      }
      status = "quota_full";
      validate(checker, status);
    }
  }
  const response = build(status);
  const result = existing ? undefined : await responses.insertOnce(response);
  if (result?.inserted) return stored(response);
  // Without the lookup, the row in the way may be this respondent's saved progress, which this completes.
  const progress =
    existing ?? (!lookFirst && result?.stored.status === "partial" ? result.stored : undefined);
  if (!progress) return sameOrConflict(result?.stored ?? response, bodyHash, request);
  if (await responses.finalize(response)) return stored(response);
  const raced = await responses.find(submission.id);
  return sameOrConflict(raced ?? response, bodyHash, request);
}

/**
 * A GPS point is personal data: it never stays beside the answers. With a data key it is sealed in the
 * personal-data store and the paradata keep only its reference; without one it is not kept at all.
 */
async function separateLocation(
  deps: SubmitDeps,
  studyId: string,
  submission: Submission,
): Promise<Record<string, unknown>> {
  const { location, ...rest } = submission.paradata;
  if (location === undefined) return rest;
  if (!deps.sealPersonalData) return { ...rest, locationWithheld: "no personal-data key configured" };
  return {
    ...rest,
    locationRef: await deps.sealPersonalData(studyId, {
      kind: "location",
      responseId: submission.id,
      location,
    }),
  };
}

/**
 * Web responses count when they arrive; a face-to-face interview counts when it began, since it may reach the
 * server days later from an offline tablet (a start claimed in the future is not believed).
 */
function assertFieldworkOpen(population: Population, submission: Submission, now: Date): void {
  const claimed =
    submission.mode === "f2f" ? Date.parse(String(submission.paradata.startedAt ?? "")) : Number.NaN;
  const at = Number.isFinite(claimed) && claimed <= now.getTime() ? new Date(claimed) : now;
  const state = fieldworkState(population.fieldwork, at);
  if (state === "open") return;
  const { start, end, timezone } = population.fieldwork;
  throw new ParallaxError("FIELDWORK_CLOSED", undefined, [
    {
      path: "fieldwork",
      message: state === "before" ? `opens on ${start} (${timezone})` : `closed on ${end} (${timezone})`,
    },
  ]);
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
