import type { Kysely, Migration } from "kysely";

export const qualityFlags: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("quality_flags")
      .addColumn("study_id", "text", (column) => column.notNull())
      .addColumn("response_id", "text", (column) => column.notNull())
      .addColumn("rule", "text", (column) => column.notNull())
      .addColumn("severity", "text", (column) => column.notNull())
      .addColumn("reason", "text", (column) => column.notNull())
      .addColumn("evidence", "text", (column) => column.notNull())
      .addColumn("screened_at", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("quality_flags_pk", ["response_id", "rule"])
      .execute();
    await db.schema.createIndex("quality_flags_by_study").on("quality_flags").column("study_id").execute();
    // A decision outlives a re-screen: it belongs to the response and rule, not to one run of the screen.
    await db.schema
      .createTable("flag_reviews")
      .addColumn("study_id", "text", (column) => column.notNull())
      .addColumn("response_id", "text", (column) => column.notNull())
      .addColumn("rule", "text", (column) => column.notNull())
      .addColumn("decision", "text", (column) => column.notNull())
      .addColumn("comment", "text", (column) => column.notNull())
      .addColumn("reviewer", "text", (column) => column.notNull())
      .addColumn("reviewed_at", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("flag_reviews_pk", ["response_id", "rule"])
      .execute();
  },
};
