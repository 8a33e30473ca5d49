import type { Kysely, Migration } from "kysely";

export const assignments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("assignments")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("study_id", "text", (column) => column.notNull())
      .addColumn("population_id", "text", (column) => column.notNull())
      .addColumn("user_id", "text", (column) => column.notNull())
      // A JSON array of site ids; assigning again replaces it.
      .addColumn("sites", "text", (column) => column.notNull())
      .addColumn("assigned_by", "text", (column) => column.notNull())
      .addColumn("created_at", "text", (column) => column.notNull())
      .addColumn("updated_at", "text", (column) => column.notNull())
      .addUniqueConstraint("assignments_one_per_population", ["study_id", "population_id", "user_id"])
      .execute();
    await db.schema
      .createTable("contact_attempts")
      // The UUID the device chose, so a resent attempt is stored once.
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("study_id", "text", (column) => column.notNull())
      .addColumn("population_id", "text", (column) => column.notNull())
      .addColumn("interviewer_id", "text", (column) => column.notNull())
      .addColumn("site_id", "text")
      .addColumn("outcome", "text", (column) => column.notNull())
      .addColumn("attempted_at", "text", (column) => column.notNull())
      .addColumn("received_at", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("contact_attempts_by_study")
      .on("contact_attempts")
      .columns(["study_id", "interviewer_id"])
      .execute();
  },
};
