import type { Kysely, Migration } from "kysely";

export const quotaCells: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("quota_cells")
      .addColumn("study_id", "text", (column) => column.notNull())
      .addColumn("population_id", "text", (column) => column.notNull())
      .addColumn("quota_id", "text", (column) => column.notNull())
      .addColumn("cell", "text", (column) => column.notNull())
      .addColumn("target", "integer", (column) => column.notNull())
      .addColumn("count", "integer", (column) => column.notNull())
      .addPrimaryKeyConstraint("quota_cells_pk", ["study_id", "population_id", "quota_id", "cell"])
      .execute();
  },
};
