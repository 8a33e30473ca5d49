import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export const contactOutcomes = ["refusal", "non_contact", "other_non_interview"] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

export interface ContactAttempt {
  id: string;
  studyId: string;
  populationId: string;
  interviewerId: string;
  siteId: string | null;
  outcome: ContactOutcome;
  attemptedAt: string;
  receivedAt: string;
}

type ContactAttemptRow = Database["contact_attempts"];

function fromRow(row: ContactAttemptRow): ContactAttempt {
  return {
    id: row.id,
    studyId: row.study_id,
    populationId: row.population_id,
    interviewerId: row.interviewer_id,
    siteId: row.site_id,
    outcome: row.outcome as ContactOutcome,
    attemptedAt: row.attempted_at,
    receivedAt: row.received_at,
  };
}

/** Face-to-face contacts that gave no interview; stored once under the id the device chose. */
export function contactAttemptRepository(db: Kysely<Database>) {
  return {
    /** Stores the attempt unless its id exists; returns the stored one and whether this call wrote it. */
    async recordOnce(attempt: ContactAttempt): Promise<{ stored: ContactAttempt; inserted: boolean }> {
      const result = await db
        .insertInto("contact_attempts")
        .values({
          id: attempt.id,
          study_id: attempt.studyId,
          population_id: attempt.populationId,
          interviewer_id: attempt.interviewerId,
          site_id: attempt.siteId,
          outcome: attempt.outcome,
          attempted_at: attempt.attemptedAt,
          received_at: attempt.receivedAt,
        })
        .onConflict((conflict) => conflict.column("id").doNothing())
        .executeTakeFirst();
      const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      if (inserted) return { stored: attempt, inserted };
      const row = await db
        .selectFrom("contact_attempts")
        .selectAll()
        .where("id", "=", attempt.id)
        .executeTakeFirstOrThrow();
      return { stored: fromRow(row), inserted };
    },

    async forStudy(studyId: string): Promise<ContactAttempt[]> {
      const rows = await db
        .selectFrom("contact_attempts")
        .selectAll()
        .where("study_id", "=", studyId)
        .orderBy("received_at")
        .execute();
      return rows.map(fromRow);
    },
  };
}
