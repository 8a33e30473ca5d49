import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { ParallaxError } from "../errors.ts";
import { cachedStatements } from "./cachedStatements.ts";
import { migrateToLatest } from "./migrations/index.ts";
import type { Database } from "./schema.ts";
import { startCheckpointer } from "./sqliteCheckpointer.ts";

export type DialectName = "sqlite" | "postgres";

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, without credentials: a file path or host/database. */
  location: string;
  close(): Promise<void>;
}

/**
 * Opens the store named by `url`: a PostgreSQL URL (postgres:// or postgresql://) or else a SQLite file path,
 * created on first use. Migrations run before the store is handed out.
 */
export async function openDatabase(url: string): Promise<Store> {
  const store = /^postgres(ql)?:\/\//.test(url) ? openPostgres(url) : openSqlite(url);
  try {
    await migrateToLatest(store.db as Kysely<unknown>);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(path: string): Store {
  const file = resolve(path);
  let database: SqliteDatabase.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    database = new SqliteDatabase(file);
  } catch (error) {
    throw new ParallaxError("FILE_UNREADABLE", `Cannot open the SQLite database ${path}`, [
      { path: file, message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  // WAL lets readers (exports, the dashboard) run while the server writes; busy_timeout waits out a writer.
  database.pragma("journal_mode = WAL");
  // Under WAL, NORMAL syncs at checkpoints rather than at every commit (which costs ~5 ms and caps ingest near
  // 200/s): a commit survives the process being killed (test/crash-safety.test.ts); only a power cut or OS
  // crash may undo the last commits before a checkpoint.
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 5000");
  database.pragma("foreign_keys = ON");
  // Checkpoints run on a worker thread; this connection checkpoints only if the log grows past ~40 MB.
  database.pragma("wal_autocheckpoint = 10000");
  const checkpointer = startCheckpointer(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(database) }) });
  const close = async () => {
    await checkpointer.stop();
    await db.destroy();
  };
  return { db, dialect: "sqlite", location: file, close };
}

function openPostgres(url: string): Store {
  const parsed = new URL(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server ends (a restart, an administrator, a dropped database) is an 'error'
  // on the pool; unheard, it would crash the process. The pool has already discarded the connection and opens
  // another on the next query, and a query in flight still fails and is reported where it was made.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  return { db, dialect: "postgres", location, close: () => db.destroy() };
}
