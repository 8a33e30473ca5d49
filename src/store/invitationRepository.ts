import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { InvitationState } from "../fieldwork/dispositions.ts";
import type { Database } from "./schema.ts";

export interface Invitation {
  id: string;
  studyId: string;
  populationId: string;
  siteId: string | null;
  language: string;
  mode: string;
  disposition: InvitationState;
  responseId: string | null;
  personalDataId: string | null;
}

export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

type Row = Database["invitations"];

function fromRow(row: Row): Invitation {
  return {
    id: row.id,
    studyId: row.study_id,
    populationId: row.population_id,
    siteId: row.site_id,
    language: row.language,
    mode: row.mode,
    disposition: row.disposition as InvitationState,
    responseId: row.response_id,
    personalDataId: row.personal_data_id,
  };
}

/** Personal invitations: single-use tokens, of which only the hash is kept. */
export function invitationRepository(db: Kysely<Database>) {
  return {
    async create(
      invitation: Omit<Invitation, "id" | "disposition" | "responseId">,
    ): Promise<{ invitation: Invitation; token: string }> {
      const token = randomBytes(18).toString("base64url");
      const now = new Date().toISOString();
      const row: Row = {
        id: randomUUID(),
        study_id: invitation.studyId,
        population_id: invitation.populationId,
        site_id: invitation.siteId,
        language: invitation.language,
        mode: invitation.mode,
        token_hash: invitationTokenHash(token),
        disposition: "pending",
        response_id: null,
        personal_data_id: invitation.personalDataId,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto("invitations").values(row).execute();
      return { invitation: fromRow(row), token };
    },

    async findByToken(token: string): Promise<Invitation | undefined> {
      const row = await db
        .selectFrom("invitations")
        .selectAll()
        .where("token_hash", "=", invitationTokenHash(token))
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    /**
     * Binds the invitation to a response, once: true when it is now (or already was) bound to this response,
     * false when another response holds it. The condition makes a race between two devices safe.
     */
    async bind(invitationId: string, responseId: string): Promise<boolean> {
      await db
        .updateTable("invitations")
        .set({ response_id: responseId, updated_at: new Date().toISOString() })
        .where("id", "=", invitationId)
        .where("response_id", "is", null)
        .execute();
      const row = await db
        .selectFrom("invitations")
        .select("response_id")
        .where("id", "=", invitationId)
        .executeTakeFirst();
      return row?.response_id === responseId;
    },

    async setDisposition(invitationId: string, disposition: InvitationState): Promise<void> {
      await db
        .updateTable("invitations")
        .set({ disposition, updated_at: new Date().toISOString() })
        .where("id", "=", invitationId)
        .execute();
    },
  };
}
