import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { CompiledQuery, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { groupCommit } from "./groupCommit.ts";
import { openDatabase, type Store } from "./openDatabase.ts";

describe("groupCommit on SQLite", () => {
  let directory: string;
  let store: Store;
  let db: Kysely<unknown>;
  const insert = (id: string, studyId = "s") =>
    CompiledQuery.raw(
      "insert into responses (id, study_id, population_id, questionnaire_version, language, mode, status, answers, paradata, body_hash, received_at) values (?, ?, 'p', 'v', 'en', 'web', 'complete', '{}', '{}', 'h', 't') on conflict (id) do nothing",
      [id, studyId],
    );
  const count = async () =>
    Number(
      (await db.executeQuery<{ n: number }>(CompiledQuery.raw("select count(*) as n from responses"))).rows[0]
        .n,
    );

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), "parallax-group-commit-"));
    store = await openDatabase(join(directory, "test.db"));
    db = store.db as unknown as Kysely<unknown>;
    await db.executeQuery(
      CompiledQuery.raw("insert into studies (id, definition, loaded_at) values ('s', '{}', 't')"),
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("commits writes queued in one turn together, each with its own result", async () => {
    const transactions = vi.spyOn(db, "transaction");
    const write = groupCommit(db);
    const results = await Promise.all([write(insert("a")), write(insert("b")), write(insert("a"))]);
    expect(results.map((result) => Number(result.numAffectedRows))).toEqual([1, 1, 0]);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(await count()).toBe(2);
  });

  it("gives a failing statement its own error and still stores the others", async () => {
    const write = groupCommit(db);
    // No study "nowhere": the foreign key refuses this row, and only this row.
    const outcomes = await Promise.allSettled([
      write(insert("a")),
      write(insert("b", "nowhere")),
      write(insert("c")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await count()).toBe(2);
  });

  it("settles a write only once another connection can read it", async () => {
    const write = groupCommit(db);
    const reader = new SqliteDatabase(join(directory, "test.db"), { readonly: true });
    try {
      const seen = await Promise.all(
        ["a", "b"].map((id) =>
          write(insert(id)).then(() => reader.prepare("select count(*) as n from responses").get()),
        ),
      );
      expect(seen).toEqual([{ n: 2 }, { n: 2 }]);
    } finally {
      reader.close();
    }
  });

  it("runs the statement directly inside a transaction", async () => {
    await expect(
      db.transaction().execute(async (transaction) => {
        await groupCommit(transaction)(insert("a"));
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await count()).toBe(0);
  });
});
