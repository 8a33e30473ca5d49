import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** The codes one response's answer to an open question carries (none for a blank answer). */
export interface CodedResponse {
  responseId: string;
  populationId: string;
  codes: readonly string[];
}

export interface StoredCoding {
  populationId: string;
  codes: string[];
  codedAt: string;
}

const batchSize = 500;

/** Coded mentions: which codes each stored response's open answer carries, per question. */
export function codedMentionRepository(db: Kysely<Database>) {
  return {
    /**
     * Replaces the mentions of a question in the given populations with a new coding, in one transaction:
     * a reader sees the old coding or the new one, never a mix. Returns the number of mentions written.
     */
    async replace(
      studyId: string,
      question: string,
      populations: readonly string[],
      coded: readonly CodedResponse[],
      now = new Date(),
    ): Promise<number> {
      const at = now.toISOString();
      const rows = coded.flatMap((answer) =>
        [...new Set(answer.codes)].map((code) => ({
          study_id: studyId,
          population_id: answer.populationId,
          response_id: answer.responseId,
          question,
          code,
          coded_at: at,
        })),
      );
      await db.transaction().execute(async (trx) => {
        if (populations.length > 0) {
          await trx
            .deleteFrom("coded_mentions")
            .where("study_id", "=", studyId)
            .where("question", "=", question)
            .where("population_id", "in", [...populations])
            .execute();
        }
        for (let start = 0; start < rows.length; start += batchSize) {
          await trx
            .insertInto("coded_mentions")
            .values(rows.slice(start, start + batchSize))
            .execute();
        }
      });
      return rows.length;
    },

    /** The stored coding of a question, by response id (responses without mentions are absent). */
    async list(
      studyId: string,
      question: string,
      populations?: readonly string[],
    ): Promise<Map<string, StoredCoding>> {
      let query = db
        .selectFrom("coded_mentions")
        .select(["response_id", "population_id", "code", "coded_at"])
        .where("study_id", "=", studyId)
        .where("question", "=", question);
      if (populations !== undefined) {
        if (populations.length === 0) return new Map();
        query = query.where("population_id", "in", [...populations]);
      }
      const rows = await query.orderBy("response_id").orderBy("code").execute();
      const byResponse = new Map<string, StoredCoding>();
      for (const row of rows) {
        const coding = byResponse.get(row.response_id) ?? {
          populationId: row.population_id,
          codes: [],
          codedAt: row.coded_at,
        };
        coding.codes.push(row.code);
        byResponse.set(row.response_id, coding);
      }
      return byResponse;
    },
  };
}
