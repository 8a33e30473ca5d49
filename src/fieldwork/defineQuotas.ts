import type { Kysely } from "kysely";
import { quotaRepository } from "../store/quotaRepository.ts";
import { responseRepository } from "../store/responseRepository.ts";
import type { Database } from "../store/schema.ts";
import type { LoadedStudy } from "../study/types.ts";
import { allCells, cellsFor } from "./quotaCells.ts";

/**
 * Records every quota cell of a study with its target. A new cell starts from the complete responses already
 * stored in it (responses loaded before the quota existed, or by the simulator), so counts match the data.
 */
export async function defineQuotas(db: Kysely<Database>, study: LoadedStudy): Promise<void> {
  for (const population of study.definition.populations) {
    if (!population.quotas?.length) continue;
    const stored = await responseRepository(db).list(study.definition.id, population.id);
    const counts = new Map<string, number>();
    for (const response of stored) {
      if (response.status !== "complete") continue;
      for (const cell of cellsFor(population, response.answers)) {
        const key = `${cell.quotaId}\u0000${cell.cell}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const cells = allCells(population, study.questionnaires[population.id].json).map((cell) => ({
      ...cell,
      initialCount: counts.get(`${cell.quotaId}\u0000${cell.cell}`) ?? 0,
    }));
    await quotaRepository(db).define(study.definition.id, population.id, cells);
  }
}
