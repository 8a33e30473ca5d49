import type { Kysely, Migration } from "kysely";

/** The interviewer checks' verdict on each interviewer, replaced with the flags by every screen. */
export const interviewerVerdicts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("interviewer_verdicts")
      .addColumn("study_id", "text", (column) => column.notNull())
      .addColumn("population_id", "text", (column) => column.notNull())
      .addColumn("interviewer", "text", (column) => column.notNull())
      .addColumn("verdict", "text", (column) => column.notNull())
      .addColumn("screened_at", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("interviewer_verdicts_pk", ["study_id", "population_id", "interviewer"])
      .execute();
  },
};
