import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Store } from "../src/store/openDatabase.ts";
import { quotaRepository } from "../src/store/quotaRepository.ts";
import { responseRepository } from "../src/store/responseRepository.ts";
import { completeAnswers } from "./support/quotaAnswers.ts";
import { type ServeProcess, startServeProcess } from "./support/serveProcess.ts";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "./support/stores.ts";

describe.skipIf(postgresUnavailable !== undefined)(
  "three parallax serve processes on one PostgreSQL database",
  () => {
    let database: TestDatabase;
    let instances: ServeProcess[] = [];
    let store: Store;

    beforeAll(async () => {
      database = await createTestDatabase("postgres");
      instances = await Promise.all(
        [0, 1, 2].map(() =>
          startServeProcess(["--db", database.url, "--study", "test/fixtures/studies/quota-mini"]),
        ),
      );
      store = await openDatabase(database.url);
    });
    afterAll(async () => {
      await Promise.all(instances.map((instance) => instance.stop()));
      await store?.close();
      await database?.drop();
    });

    it("behave as one: 200 concurrent submitters never push a cell past its target, and retries store once", async () => {
      const submit = (instance: ServeProcess, id: string) =>
        fetch(`${instance.origin}/api/v1/studies/quota-mini/populations/adults/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ id, language: "es", mode: "web", answers: completeAnswers("mx", 25) }),
        }).then(async (reply) => ({ http: reply.status, ...((await reply.json()) as { status: string }) }));

      const ids = Array.from({ length: 200 }, () => randomUUID());
      const results = await Promise.all(ids.map((id, index) => submit(instances[index % 3], id)));
      expect(results.every((result) => result.http === 201)).toBe(true);
      expect(results.filter((result) => result.status === "complete")).toHaveLength(40);
      expect(results.filter((result) => result.status === "quota_full")).toHaveLength(160);

      const retries = await Promise.all(
        ids.slice(0, 30).map((id, index) => submit(instances[(index + 1) % 3], id)),
      );
      expect(retries.every((retry) => retry.http === 200)).toBe(true);

      const cells = await quotaRepository(store.db).state("quota-mini");
      expect(cells.find((cell) => cell.quotaId === "country" && cell.cell === "mx")).toMatchObject({
        count: 40,
        target: 40,
      });
      for (const cell of cells) expect(cell.count).toBeLessThanOrEqual(cell.target);
      const stored = await responseRepository(store.db).list("quota-mini");
      expect(stored).toHaveLength(200);
      expect(new Set(stored.map((response) => response.id)).size).toBe(200);
    });
  },
);
