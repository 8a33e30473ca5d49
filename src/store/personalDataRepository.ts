import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { PersonalDataCipher } from "../access/personalDataCipher.ts";
import type { Database } from "./schema.ts";

/** Personal data lives here, apart from answers, and only ever encrypted. */
export function personalDataRepository(db: Kysely<Database>, cipher: PersonalDataCipher) {
  return {
    async store(studyId: string, record: Record<string, unknown>): Promise<string> {
      const id = randomUUID();
      const sealed = cipher.seal(id, record);
      await db
        .insertInto("personal_data")
        .values({ id, study_id: studyId, ...sealed, created_at: new Date().toISOString() })
        .execute();
      return id;
    },

    async read(id: string): Promise<Record<string, unknown> | undefined> {
      const row = await db.selectFrom("personal_data").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? cipher.open(id, row) : undefined;
    },

    /** Opens one stored record, so a wrong key is found when the server starts, not mid-fieldwork. */
    async checkKey(): Promise<void> {
      const row = await db.selectFrom("personal_data").selectAll().limit(1).executeTakeFirst();
      if (row) cipher.open(row.id, row);
    },
  };
}

/** Whether the database holds any personal data (then the server needs the key to start). */
export async function holdsPersonalData(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom("personal_data").select("id").limit(1).executeTakeFirst()) !== undefined;
}
