import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

export interface QuotaCellRef {
  quotaId: string;
  cell: string;
}

export interface QuotaCellState extends QuotaCellRef {
  populationId: string;
  target: number;
  count: number;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Lock order: every writer takes cells in the same order, so two submissions never wait on each other in a cycle. */
function inLockOrder<T extends QuotaCellRef>(cells: T[]): T[] {
  const key = (cell: QuotaCellRef) => `${cell.quotaId}\u0000${cell.cell}`;
  return [...cells].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

/** Quota cells and their counts; a count only ever moves by an atomic compare-and-increment. */
export function quotaRepository(db: Kysely<Database>) {
  return {
    /**
     * Records each cell's target. A cell seen for the first time starts at `initialCount` (the complete
     * responses already stored in it); an existing cell keeps its count, which only submissions move.
     */
    async define(
      studyId: string,
      populationId: string,
      cells: Array<QuotaCellRef & { target: number; initialCount: number }>,
    ) {
      for (const cell of cells) {
        await db
          .insertInto("quota_cells")
          .values({
            study_id: studyId,
            population_id: populationId,
            quota_id: cell.quotaId,
            cell: cell.cell,
            target: cell.target,
            count: cell.initialCount,
          })
          .onConflict((conflict) =>
            conflict
              .columns(["study_id", "population_id", "quota_id", "cell"])
              .doUpdateSet({ target: cell.target }),
          )
          .execute();
      }
    },

    /**
     * Counts a response into its cells inside the caller's transaction. Returns the first full cell, and
     * then the caller must roll back: the increments made before it are part of the same transaction.
     */
    async countInto(
      trx: Executor,
      studyId: string,
      populationId: string,
      cells: QuotaCellRef[],
    ): Promise<QuotaCellRef | undefined> {
      for (const cell of inLockOrder(cells)) {
        const result = await trx
          .updateTable("quota_cells")
          .set((eb) => ({ count: eb("count", "+", 1) }))
          .where("study_id", "=", studyId)
          .where("population_id", "=", populationId)
          .where("quota_id", "=", cell.quotaId)
          .where("cell", "=", cell.cell)
          .whereRef("count", "<", "target")
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return cell;
      }
      return undefined;
    },

    /** The first of these cells that is already full, for telling a respondent early. */
    async firstFull(
      studyId: string,
      populationId: string,
      cells: QuotaCellRef[],
    ): Promise<QuotaCellRef | undefined> {
      for (const cell of cells) {
        const row = await db
          .selectFrom("quota_cells")
          .select(["count", "target"])
          .where("study_id", "=", studyId)
          .where("population_id", "=", populationId)
          .where("quota_id", "=", cell.quotaId)
          .where("cell", "=", cell.cell)
          .executeTakeFirst();
        if (row && Number(row.count) >= Number(row.target)) return cell;
      }
      return undefined;
    },

    async state(studyId: string): Promise<QuotaCellState[]> {
      const rows = await db
        .selectFrom("quota_cells")
        .selectAll()
        .where("study_id", "=", studyId)
        .orderBy("population_id")
        .orderBy("quota_id")
        .orderBy("cell")
        .execute();
      return rows.map((row) => ({
        populationId: row.population_id,
        quotaId: row.quota_id,
        cell: row.cell,
        target: Number(row.target),
        count: Number(row.count),
      }));
    },
  };
}

export type QuotaRepository = ReturnType<typeof quotaRepository>;
