import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export interface Session {
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Sessions: the cookie holds a random token, the table only its hash and the session's CSRF token. */
export function sessionRepository(db: Kysely<Database>) {
  return {
    async open(
      userId: string,
      lifetimeMs: number,
      now = new Date(),
    ): Promise<{ token: string; session: Session }> {
      const token = randomBytes(32).toString("base64url");
      const session = {
        userId,
        csrfToken: randomBytes(24).toString("base64url"),
        expiresAt: new Date(now.getTime() + lifetimeMs).toISOString(),
      };
      await db
        .insertInto("sessions")
        .values({
          token_hash: tokenHash(token),
          user_id: userId,
          csrf_token: session.csrfToken,
          created_at: now.toISOString(),
          expires_at: session.expiresAt,
        })
        .execute();
      return { token, session };
    },

    async find(token: string, now = new Date()): Promise<Session | undefined> {
      const row = await db
        .selectFrom("sessions")
        .selectAll()
        .where("token_hash", "=", tokenHash(token))
        .where("expires_at", ">", now.toISOString())
        .executeTakeFirst();
      return row ? { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at } : undefined;
    },

    async close(token: string): Promise<void> {
      await db.deleteFrom("sessions").where("token_hash", "=", tokenHash(token)).execute();
    },
  };
}
