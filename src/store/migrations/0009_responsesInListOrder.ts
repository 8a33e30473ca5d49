import type { Kysely, Migration } from "kysely";

/**
 * Indexes that hold the responses in the order every listing keeps (received_at, then id), for the study and
 * for each population. Without them SQLite sorted every listing in a temporary B-tree, whole JSON payloads
 * included: a quarter of the time `parallax report` spent reading a million responses.
 */
export const responsesInListOrder: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex("responses_by_population").execute();
    await db.schema
      .createIndex("responses_by_population")
      .on("responses")
      .columns(["study_id", "population_id", "received_at", "id"])
      .execute();
    await db.schema
      .createIndex("responses_in_order")
      .on("responses")
      .columns(["study_id", "received_at", "id"])
      .execute();
  },
};
