import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Simulation } from "../simulate/types.ts";
import { responseRepository } from "../store/responseRepository.ts";
import type { Database } from "../store/schema.ts";
import { studyRepository } from "../store/studyRepository.ts";
import { canonicalJson } from "../study/canonicalJson.ts";
import type { LoadedStudy } from "../study/types.ts";

/**
 * Stores a simulated fieldwork as responses, each marked `paradata.simulated` so no screen, export or report
 * can mistake it for real data. One transaction: a half-loaded simulation is never left behind.
 */
export async function loadSimulatedFieldwork(
  db: Kysely<Database>,
  study: LoadedStudy,
  simulation: Simulation,
): Promise<number> {
  await studyRepository(db).save(study);
  return db.transaction().execute(async (trx) => {
    const responses = responseRepository(trx);
    let inserted = 0;
    for (const response of simulation.responses) {
      const body = {
        id: response.id,
        language: response.language,
        mode: response.mode,
        answers: response.answers,
        paradata: response.paradata,
        questionnaireVersion: response.questionnaireVersion,
      };
      const result = await responses.insertOnce({
        id: response.id,
        studyId: study.definition.id,
        populationId: response.population,
        questionnaireVersion: response.questionnaireVersion,
        siteId: response.site,
        language: response.language,
        mode: response.mode,
        status: response.status,
        answers: response.answers,
        paradata: { ...response.paradata, simulated: true },
        userAgent: null,
        bodyHash: createHash("sha256").update(canonicalJson(body)).digest("hex"),
        receivedAt: String(response.paradata.endedAt ?? response.paradata.startedAt),
      });
      if (result.inserted) inserted++;
    }
    return inserted;
  });
}
