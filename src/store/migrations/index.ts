import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { ParallaxError } from "../../errors.ts";
import { studiesAndResponses } from "./0001_studiesAndResponses.ts";
import { accountsAndAudit } from "./0002_accountsAndAudit.ts";
import { quotaCells } from "./0003_quotaCells.ts";
import { invitationsAndPersonalData } from "./0004_invitationsAndPersonalData.ts";
import { assignments } from "./0005_assignments.ts";
import { qualityFlags } from "./0006_qualityFlags.ts";
import { codedMentions } from "./0007_codedMentions.ts";
import { interviewerVerdicts } from "./0008_interviewerVerdicts.ts";
import { responsesInListOrder } from "./0009_responsesInListOrder.ts";

/** Migrations are code, in order; each runs once per database, on SQLite and PostgreSQL alike. */
const migrations: Record<string, Migration> = {
  "0001_studies_and_responses": studiesAndResponses,
  "0002_accounts_and_audit": accountsAndAudit,
  "0003_quota_cells": quotaCells,
  "0004_invitations_and_personal_data": invitationsAndPersonalData,
  "0005_assignments": assignments,
  "0006_quality_flags": qualityFlags,
  "0007_coded_mentions": codedMentions,
  "0008_interviewer_verdicts": interviewerVerdicts,
  "0009_responses_in_list_order": responsesInListOrder,
};

const provider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

/** Brings a database to the latest schema. Kysely's migration lock makes concurrent starts safe on PostgreSQL. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error");
    throw new ParallaxError(
      "INTERNAL",
      `Database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`,
    );
  }
}
