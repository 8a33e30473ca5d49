import type { Kysely } from "kysely";
import type { QuestionnaireJson } from "../study/types.ts";
import type { Database } from "./schema.ts";

/** Every questionnaire version a study ever served, so old responses are checked against what they answered. */
export function questionnaireRepository(db: Kysely<Database>) {
  return {
    async find(
      studyId: string,
      populationId: string,
      version: string,
    ): Promise<QuestionnaireJson | undefined> {
      const row = await db
        .selectFrom("questionnaire_versions")
        .select("questionnaire")
        .where("study_id", "=", studyId)
        .where("population_id", "=", populationId)
        .where("version", "=", version)
        .executeTakeFirst();
      return row ? (JSON.parse(row.questionnaire) as QuestionnaireJson) : undefined;
    },

    /** The most recently loaded version of a population's questionnaire. */
    async latest(studyId: string, populationId: string): Promise<QuestionnaireJson | undefined> {
      const row = await db
        .selectFrom("questionnaire_versions")
        .select("questionnaire")
        .where("study_id", "=", studyId)
        .where("population_id", "=", populationId)
        .orderBy("created_at", "desc")
        .executeTakeFirst();
      return row ? (JSON.parse(row.questionnaire) as QuestionnaireJson) : undefined;
    },
  };
}
