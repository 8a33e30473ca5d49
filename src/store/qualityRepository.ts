import type { Kysely } from "kysely";
import type { Flag, FlagDecisions, InterviewerVerdict } from "../quality/index.ts";
import type { Database } from "./schema.ts";

export interface StoredFlag extends Flag {
  decision?: { decision: "accept" | "override"; comment: string; reviewer: string; reviewedAt: string };
}

/** The screen's flags per study, and the reviewers' decisions on them. */
export function qualityRepository(db: Kysely<Database>) {
  return {
    /**
     * Replaces a study's flags and interviewer verdicts with a new screen's, in one transaction; decisions
     * stay with their flags.
     */
    async replaceScreen(
      studyId: string,
      screen: { flags: Flag[]; interviewers: InterviewerVerdict[] },
      now = new Date(),
    ): Promise<void> {
      const { flags, interviewers } = screen;
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("quality_flags").where("study_id", "=", studyId).execute();
        await trx.deleteFrom("interviewer_verdicts").where("study_id", "=", studyId).execute();
        const at = now.toISOString();
        for (let start = 0; start < interviewers.length; start += 500) {
          const rows = interviewers.slice(start, start + 500).map((verdict) => ({
            study_id: studyId,
            population_id: verdict.population,
            interviewer: verdict.interviewer,
            verdict: JSON.stringify(verdict),
            screened_at: at,
          }));
          await trx.insertInto("interviewer_verdicts").values(rows).execute();
        }
        for (let start = 0; start < flags.length; start += 500) {
          const rows = flags.slice(start, start + 500).map((flag) => ({
            study_id: studyId,
            response_id: flag.id,
            rule: flag.rule,
            severity: flag.severity,
            reason: JSON.stringify(flag.reason),
            evidence: JSON.stringify(flag.evidence),
            screened_at: at,
          }));
          if (rows.length > 0) await trx.insertInto("quality_flags").values(rows).execute();
        }
      });
    },

    /** The last screen's verdicts, flagged interviewers first, and when that screen ran (null: never). */
    async interviewerVerdicts(
      studyId: string,
    ): Promise<{ screenedAt: string | null; interviewers: InterviewerVerdict[] }> {
      const rows = await db
        .selectFrom("interviewer_verdicts")
        .select(["verdict", "screened_at"])
        .where("study_id", "=", studyId)
        .execute();
      const interviewers = rows
        .map((row) => JSON.parse(row.verdict) as InterviewerVerdict)
        .sort(
          (a, b) =>
            Number(b.flagged) - Number(a.flagged) ||
            b.distance - a.distance ||
            a.interviewer.localeCompare(b.interviewer),
        );
      return { screenedAt: rows[0]?.screened_at ?? null, interviewers };
    },

    /** When the study was last screened, from its stored flags; null when never or when nothing was flagged. */
    async screenedAt(studyId: string): Promise<string | null> {
      const row = await db
        .selectFrom("quality_flags")
        .select((eb) => eb.fn.max("screened_at").as("at"))
        .where("study_id", "=", studyId)
        .executeTakeFirst();
      return (row?.at as string | null | undefined) ?? null;
    },

    async flags(studyId: string): Promise<StoredFlag[]> {
      const rows = await db
        .selectFrom("quality_flags as f")
        .leftJoin("flag_reviews as r", (join) =>
          join.onRef("r.response_id", "=", "f.response_id").onRef("r.rule", "=", "f.rule"),
        )
        .select([
          "f.response_id",
          "f.rule",
          "f.severity",
          "f.reason",
          "f.evidence",
          "r.decision",
          "r.comment",
          "r.reviewer",
          "r.reviewed_at",
        ])
        .where("f.study_id", "=", studyId)
        .orderBy("f.response_id")
        .orderBy("f.rule")
        .execute();
      return rows.map((row) => ({
        id: row.response_id,
        rule: row.rule as Flag["rule"],
        severity: row.severity as Flag["severity"],
        reason: JSON.parse(row.reason) as Flag["reason"],
        evidence: JSON.parse(row.evidence) as Flag["evidence"],
        decision: row.decision
          ? {
              decision: row.decision as "accept" | "override",
              comment: row.comment ?? "",
              reviewer: row.reviewer ?? "",
              reviewedAt: row.reviewed_at ?? "",
            }
          : undefined,
      }));
    },

    async decide(
      studyId: string,
      review: {
        responseId: string;
        rule: string;
        decision: "accept" | "override";
        comment: string;
        reviewer: string;
      },
    ): Promise<boolean> {
      const flag = await db
        .selectFrom("quality_flags")
        .select("rule")
        .where("study_id", "=", studyId)
        .where("response_id", "=", review.responseId)
        .where("rule", "=", review.rule)
        .executeTakeFirst();
      if (!flag) return false;
      const values = {
        decision: review.decision,
        comment: review.comment,
        reviewer: review.reviewer,
        reviewed_at: new Date().toISOString(),
      };
      await db
        .insertInto("flag_reviews")
        .values({ study_id: studyId, response_id: review.responseId, rule: review.rule, ...values })
        .onConflict((conflict) => conflict.columns(["response_id", "rule"]).doUpdateSet(values))
        .execute();
      return true;
    },

    async decisions(studyId: string): Promise<FlagDecisions> {
      const rows = await db.selectFrom("flag_reviews").selectAll().where("study_id", "=", studyId).execute();
      return new Map(
        rows.map((row) => [`${row.response_id} ${row.rule}`, row.decision as "accept" | "override"]),
      );
    },
  };
}
