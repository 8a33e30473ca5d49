import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export interface Assignment {
  id: string;
  studyId: string;
  populationId: string;
  userId: string;
  sites: string[];
  assignedBy: string;
  createdAt: string;
  updatedAt: string;
}

type AssignmentRow = Database["assignments"];

function fromRow(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    studyId: row.study_id,
    populationId: row.population_id,
    userId: row.user_id,
    sites: JSON.parse(row.sites) as string[],
    assignedBy: row.assigned_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Which interviewer works which population and sites: one assignment per interviewer and population. */
export function assignmentRepository(db: Kysely<Database>) {
  return {
    /** Assigns, or replaces the sites of an existing assignment; returns it as stored. */
    async assign(
      input: { studyId: string; populationId: string; userId: string; sites: string[]; assignedBy: string },
      now = new Date(),
    ): Promise<Assignment> {
      const at = now.toISOString();
      const sites = JSON.stringify([...new Set(input.sites)]);
      await db
        .insertInto("assignments")
        .values({
          id: randomUUID(),
          study_id: input.studyId,
          population_id: input.populationId,
          user_id: input.userId,
          sites,
          assigned_by: input.assignedBy,
          created_at: at,
          updated_at: at,
        })
        .onConflict((conflict) =>
          conflict
            .columns(["study_id", "population_id", "user_id"])
            .doUpdateSet({ sites, assigned_by: input.assignedBy, updated_at: at }),
        )
        .execute();
      const row = await db
        .selectFrom("assignments")
        .selectAll()
        .where("study_id", "=", input.studyId)
        .where("population_id", "=", input.populationId)
        .where("user_id", "=", input.userId)
        .executeTakeFirstOrThrow();
      return fromRow(row);
    },

    async forUser(userId: string): Promise<Assignment[]> {
      const rows = await db
        .selectFrom("assignments")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("study_id")
        .orderBy("population_id")
        .execute();
      return rows.map(fromRow);
    },

    async forStudy(studyId: string): Promise<Assignment[]> {
      const rows = await db
        .selectFrom("assignments")
        .selectAll()
        .where("study_id", "=", studyId)
        .orderBy("population_id")
        .orderBy("user_id")
        .execute();
      return rows.map(fromRow);
    },
  };
}

export type AssignmentRepository = ReturnType<typeof assignmentRepository>;
