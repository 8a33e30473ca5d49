import type { Kysely, Migration } from "kysely";

/** The codes each stored response's open answer carries: one row per (response, question, code). */
export const codedMentions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("coded_mentions")
      .addColumn("study_id", "text", (column) => column.notNull())
      .addColumn("population_id", "text", (column) => column.notNull())
      .addColumn("response_id", "text", (column) => column.notNull())
      .addColumn("question", "text", (column) => column.notNull())
      .addColumn("code", "text", (column) => column.notNull())
      .addColumn("coded_at", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("coded_mentions_pk", ["response_id", "question", "code"])
      .execute();
    await db.schema
      .createIndex("coded_mentions_by_question")
      .on("coded_mentions")
      .columns(["study_id", "question", "population_id"])
      .execute();
  },
};
