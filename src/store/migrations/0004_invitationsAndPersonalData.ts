import type { Kysely, Migration } from "kysely";

export const invitationsAndPersonalData: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("personal_data")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("study_id", "text", (column) => column.notNull())
      // AES-256-GCM: the ciphertext, its 12-byte nonce and 16-byte tag, all base64; the key never touches the database.
      .addColumn("ciphertext", "text", (column) => column.notNull())
      .addColumn("nonce", "text", (column) => column.notNull())
      .addColumn("tag", "text", (column) => column.notNull())
      .addColumn("created_at", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createTable("invitations")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("study_id", "text", (column) => column.notNull())
      .addColumn("population_id", "text", (column) => column.notNull())
      .addColumn("site_id", "text")
      .addColumn("language", "text", (column) => column.notNull())
      .addColumn("mode", "text", (column) => column.notNull())
      // Only the token's hash: the token itself exists in the invitation sent and nowhere else.
      .addColumn("token_hash", "text", (column) => column.notNull().unique())
      .addColumn("disposition", "text", (column) => column.notNull())
      .addColumn("response_id", "text")
      .addColumn("personal_data_id", "text")
      .addColumn("created_at", "text", (column) => column.notNull())
      .addColumn("updated_at", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("invitations_by_population")
      .on("invitations")
      .columns(["study_id", "population_id"])
      .execute();
    await db.schema.alterTable("responses").addColumn("invitation_id", "text").execute();
  },
};
