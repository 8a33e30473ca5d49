import { CompiledQuery, type Kysely, PostgresAdapter } from "kysely";

/** Inserts one row unless its key exists; settles with whether this call wrote it, once that is committed. */
export type InsertOnce = (key: string, values: readonly unknown[]) => Promise<boolean>;

interface Pending {
  key: string;
  values: readonly unknown[];
  resolve(inserted: boolean): void;
  reject(error: unknown): void;
}

/**
 * Insert-once rows of a text-only table that arrive in the same turn of the event loop, written by one
 * PostgreSQL statement (`insert … select from unnest(…) on conflict do nothing returning key`): one round trip,
 * one plan and one commit for the group instead of one each, which is what a busy instance spends its
 * database time on. The statement's text does not depend on the group's size. A group that fails (a
 * foreign key refused one row) is run again one row per statement, so each caller gets its own outcome.
 * Null for other dialects and for handles inside a transaction, which must write through their own connection.
 */
export function pgBatchedInsert<DB>(
  db: Kysely<DB>,
  table: string,
  columns: readonly string[],
  keyColumn: string,
): InsertOnce | null {
  if (db.isTransaction || !(db.getExecutor().adapter instanceof PostgresAdapter)) return null;
  const list = columns.map((column) => `"${column}"`).join(", ");
  const arrays = columns.map((_, index) => `$${index + 1}::text[]`).join(", ");
  const conflict = `on conflict ("${keyColumn}") do nothing returning "${keyColumn}" as key`;
  const groupSql = `insert into "${table}" (${list}) select * from unnest(${arrays}) ${conflict}`;
  const oneSql = `insert into "${table}" (${list}) values (${columns.map((_, index) => `$${index + 1}`).join(", ")}) ${conflict}`;
  const runAlone = ({ values, resolve, reject }: Pending) =>
    db
      .executeQuery(CompiledQuery.raw(oneSql, [...values]))
      .then((result) => resolve(result.rows.length > 0), reject);

  let pending: Pending[] = [];
  const flush = () => {
    const group = pending;
    pending = [];
    void writeGroup(group);
  };
  const writeGroup = async (group: Pending[]) => {
    // Two rows with one key in one statement would leave it unclear which caller wrote it: later ones wait.
    const keys = new Set<string>();
    const first: Pending[] = [];
    const later: Pending[] = [];
    for (const write of group) {
      if (keys.has(write.key)) later.push(write);
      else {
        keys.add(write.key);
        first.push(write);
      }
    }
    if (first.length === 1) await runAlone(first[0]);
    else {
      const parameters = columns.map((_, column) => first.map((write) => write.values[column]));
      try {
        const result = await db.executeQuery<{ key: unknown }>(CompiledQuery.raw(groupSql, parameters));
        const inserted = new Set(result.rows.map((row) => row.key));
        for (const write of first) write.resolve(inserted.has(write.key));
      } catch {
        await Promise.all(first.map(runAlone));
      }
    }
    for (const write of later) await runAlone(write);
  };
  return (key, values) =>
    new Promise((resolve, reject) => {
      if (values.length !== columns.length)
        throw new RangeError(`${columns.length} values expected for ${table}, got ${values.length}`);
      if (pending.length === 0) setImmediate(flush);
      pending.push({ key, values, resolve, reject });
    });
}
