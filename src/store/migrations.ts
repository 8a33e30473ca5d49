import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { ParallaxError } from "../errors.ts";

/** Migrations are code, in order; each runs once per database, on SQLite and PostgreSQL alike. */
const migrations: Record<string, Migration> = {
  "0001_studies_and_responses": {
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
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error");
    throw new ParallaxError(
      "INTERNAL",
      `Database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`,
    );
  }
}
