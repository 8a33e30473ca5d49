import type { Kysely } from "kysely";
import type { LoadedStudy, StudyDefinition } from "../study/types.ts";
import type { Database } from "./schema.ts";

/** Keeps each study's definition and every questionnaire version it ever served. */
export function studyRepository(db: Kysely<Database>) {
  return {
    async save(study: LoadedStudy, now = new Date()): Promise<void> {
      const at = now.toISOString();
      const definition = JSON.stringify(study.definition);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("studies")
          .values({ id: study.definition.id, definition, loaded_at: at })
          .onConflict((conflict) => conflict.column("id").doUpdateSet({ definition, loaded_at: at }))
          .execute();
        for (const questionnaire of Object.values(study.questionnaires)) {
          await trx
            .insertInto("questionnaire_versions")
            .values({
              study_id: study.definition.id,
              population_id: questionnaire.population,
              version: questionnaire.version,
              questionnaire: JSON.stringify(questionnaire.json),
              created_at: at,
            })
            .onConflict((conflict) => conflict.columns(["study_id", "population_id", "version"]).doNothing())
            .execute();
        }
      });
    },

    async definition(studyId: string): Promise<StudyDefinition | undefined> {
      const row = await db
        .selectFrom("studies")
        .select("definition")
        .where("id", "=", studyId)
        .executeTakeFirst();
      return row ? (JSON.parse(row.definition) as StudyDefinition) : undefined;
    },
  };
}

export type StudyRepository = ReturnType<typeof studyRepository>;
