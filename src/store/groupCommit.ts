import { type CompiledQuery, type Kysely, type QueryResult, SqliteAdapter } from "kysely";

/** Runs one write statement and settles once it is committed. */
export type CommittedWrite = (query: CompiledQuery) => Promise<QueryResult<unknown>>;

interface Pending {
  query: CompiledQuery;
  resolve(result: QueryResult<unknown>): void;
  reject(error: unknown): void;
}

// biome-ignore lint/suspicious/noExplicitAny: keyed by handle whatever its schema; nothing is read through it.
const writers = new WeakMap<Kysely<any>, CommittedWrite>();

/**
 * Group commit for SQLite: write statements that arrive in the same turn of the event loop share one
 * transaction, so the write-ahead log is appended and committed once for all of them rather than once each.
 * Each caller's promise settles only after that commit, so a reply sent on it still means the row is durable.
 * If any statement of a group fails, the group is rolled back and each statement is run again alone, so every
 * caller gets its own outcome. PostgreSQL handles, and handles already inside a transaction, run the
 * statement directly.
 */
export function groupCommit<DB>(db: Kysely<DB>): CommittedWrite {
  let write = writers.get(db);
  if (!write) {
    write =
      db.isTransaction || !(db.getExecutor().adapter instanceof SqliteAdapter)
        ? (query) => db.executeQuery(query)
        : batchedWriter(db);
    writers.set(db, write);
  }
  return write;
}

function batchedWriter<DB>(db: Kysely<DB>): CommittedWrite {
  let pending: Pending[] = [];
  const flush = () => {
    const group = pending;
    pending = [];
    void commitGroup(db, group);
  };
  return (query) =>
    new Promise((resolve, reject) => {
      // setImmediate runs after the poll phase: every request read in this turn has queued its write by then.
      if (pending.length === 0) setImmediate(flush);
      pending.push({ query, resolve, reject });
    });
}

async function commitGroup<DB>(db: Kysely<DB>, group: Pending[]): Promise<void> {
  if (group.length === 1) {
    runAlone(db, group[0]);
    return;
  }
  let results: QueryResult<unknown>[];
  try {
    results = await db.transaction().execute(async (transaction) => {
      const done: QueryResult<unknown>[] = [];
      for (const { query } of group) done.push(await transaction.executeQuery(query));
      return done;
    });
  } catch {
    for (const write of group) runAlone(db, write);
    return;
  }
  for (const [index, write] of group.entries()) write.resolve(results[index]);
}

function runAlone<DB>(db: Kysely<DB>, { query, resolve, reject }: Pending): void {
  db.executeQuery(query).then(resolve, reject);
}
