import type { Kysely, Migration } from "kysely";

export const studiesAndResponses: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("studies")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("definition", "text", (column) => column.notNull())
      .addColumn("loaded_at", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createTable("questionnaire_versions")
      .addColumn("study_id", "text", (column) => column.notNull().references("studies.id"))
      .addColumn("population_id", "text", (column) => column.notNull())
      .addColumn("version", "text", (column) => column.notNull())
      .addColumn("questionnaire", "text", (column) => column.notNull())
      .addColumn("created_at", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("questionnaire_versions_pk", ["study_id", "population_id", "version"])
      .execute();
    await db.schema
      .createTable("responses")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("study_id", "text", (column) => column.notNull().references("studies.id"))
      .addColumn("population_id", "text", (column) => column.notNull())
      .addColumn("questionnaire_version", "text", (column) => column.notNull())
      .addColumn("site_id", "text")
      .addColumn("language", "text", (column) => column.notNull())
      .addColumn("mode", "text", (column) => column.notNull())
      .addColumn("status", "text", (column) => column.notNull())
      .addColumn("answers", "text", (column) => column.notNull())
      .addColumn("paradata", "text", (column) => column.notNull())
      .addColumn("user_agent", "text")
      .addColumn("body_hash", "text", (column) => column.notNull())
      .addColumn("received_at", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("responses_by_population")
      .on("responses")
      .columns(["study_id", "population_id", "received_at"])
      .execute();
  },
};
