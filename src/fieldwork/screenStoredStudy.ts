import type { Kysely } from "kysely";
import {
  type FlagDecisions,
  type QualityConfig,
  runScreen,
  type ScreenedResponse,
  type ScreenResult,
  validResponses,
} from "../quality/index.ts";
import { qualityRepository } from "../store/qualityRepository.ts";
import { responseRepository, type StoredResponse } from "../store/responseRepository.ts";
import type { Database } from "../store/schema.ts";
import type { LoadedStudy } from "../study/types.ts";

export function toScreenedResponse(response: StoredResponse): ScreenedResponse {
  return {
    id: response.id,
    population: response.populationId,
    site: response.siteId,
    language: response.language,
    mode: response.mode,
    status: response.status,
    interviewer: typeof response.paradata.interviewer === "string" ? response.paradata.interviewer : null,
    answers: response.answers,
    paradata: response.paradata,
  };
}

export interface StoredScreen {
  responses: ScreenedResponse[];
  result: ScreenResult;
  decisions: FlagDecisions;
  /** What every analysis uses: complete responses no flag excludes, after the reviewers' decisions. */
  valid: ScreenedResponse[];
}

/**
 * Screens a study's stored responses, keeps the flags (replacing the previous screen's; reviewers' decisions
 * stay) and returns the valid set under those decisions.
 */
export async function screenStoredStudy(
  db: Kysely<Database>,
  study: LoadedStudy,
  config: QualityConfig,
): Promise<StoredScreen> {
  const stored = await responseRepository(db).list(study.definition.id);
  const responses = stored.map(toScreenedResponse);
  const result = runScreen(study, responses, config);
  const quality = qualityRepository(db);
  await quality.replaceScreen(study.definition.id, result);
  const decisions = await quality.decisions(study.definition.id);
  return { responses, result, decisions, valid: validResponses(responses, result.flags, decisions) };
}
