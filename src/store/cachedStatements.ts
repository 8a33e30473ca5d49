import type SqliteDatabase from "better-sqlite3";
import type { SqliteDatabase as KyselySqliteDatabase } from "kysely";

/** Distinct statements kept; queries with varying `in (…)` lists make new ones, so the cache is bounded. */
const cacheLimit = 256;

/**
 * The database as Kysely's SQLite dialect sees it, but keeping each prepared statement: Kysely prepares every
 * query it runs, and compiling the SQL again costs about as much as running a small insert.
 */
export function cachedStatements(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare: (sql: string) => {
      const cached = statements.get(sql);
      // A statement still being iterated (a streamed query) cannot run again until it finishes.
      if (cached && !cached.busy) return cached;
      const statement = database.prepare(sql);
      if (!cached) {
        if (statements.size >= cacheLimit) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
