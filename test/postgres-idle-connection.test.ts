import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Store } from "../src/store/openDatabase.ts";
import {
  adminPostgresUrl,
  createTestDatabase,
  postgresUnavailable,
  type TestDatabase,
} from "./support/stores.ts";

describe.skipIf(postgresUnavailable !== undefined)(
  "a PostgreSQL store whose idle connections the server ends",
  () => {
    let database: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      database = await createTestDatabase("postgres");
      store = await openDatabase(database.url);
    });
    afterAll(async () => {
      await store?.close();
      await database?.drop();
    });

    it("keeps serving: the ended connections are replaced, nothing crashes", async () => {
      const count = async () =>
        (
          await store.db
            .selectFrom("studies")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirst()
        )?.n;
      expect(Number(await count())).toBe(0);
      const admin = new pg.Client({ connectionString: adminPostgresUrl });
      await admin.connect();
      const ended = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [new URL(database.url).pathname.slice(1)],
      );
      await admin.end();
      expect(ended.rowCount).toBeGreaterThan(0);
      // The pool hears of it as an 'error' event on an idle client; without a listener the process would die here.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(Number(await count())).toBe(0);
    });
  },
);
