import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Store } from "../../src/store/openDatabase.ts";

/** The PostgreSQL server the tests use: every machine, CI included, has one here with trust auth. */
export const adminPostgresUrl =
  process.env.PARALLAX_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: adminPostgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. Printed once, plainly. */
export const postgresUnavailable = await probePostgres();
if (postgresUnavailable) {
  console.warn(`PostgreSQL tests skipped: no server at ${adminPostgresUrl} (${postgresUnavailable})`);
}

export interface TestDatabase {
  dialect: "sqlite" | "postgres";
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given dialect: a temporary SQLite file or a new PostgreSQL database. */
export async function createTestDatabase(dialect: "sqlite" | "postgres"): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const directory = mkdtempSync(join(tmpdir(), "parallax-test-"));
    return {
      dialect,
      url: join(directory, "test.db"),
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  const name = `parallax_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminPostgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The dialects every store and integration test runs on. */
export const dialects = [
  { dialect: "sqlite" as const, skip: false },
  { dialect: "postgres" as const, skip: postgresUnavailable !== undefined },
];

export async function openTestStore(
  dialect: "sqlite" | "postgres",
): Promise<{ store: Store; cleanup(): Promise<void> }> {
  const database = await createTestDatabase(dialect);
  const store = await openDatabase(database.url);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
}
