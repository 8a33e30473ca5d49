import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParallaxInstance } from "../src/server/openParallax.ts";
import { quotaRepository } from "../src/store/quotaRepository.ts";
import { responseRepository } from "../src/store/responseRepository.ts";
import { completeAnswers } from "./support/quotaAnswers.ts";
import { dialects } from "./support/stores.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`quotas on ${dialect}`, () => {
    let server: TestServer;
    let parallax: ParallaxInstance;
    let base: string;

    beforeAll(async () => {
      server = await startTestServer(dialect, "test/fixtures/studies/quota-mini");
      parallax = server.parallax;
      base = `${server.origin}/api/v1/studies/quota-mini/populations/adults`;
    });
    afterAll(async () => server.close());

    const submit = (answers: Record<string, unknown>) =>
      fetch(`${base}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: randomUUID(), language: "es", mode: "web", answers }),
      }).then(async (reply) => ({ status: reply.status, body: (await reply.json()) as { status: string } }));

    it("stops a cell exactly at its target when thirty submissions race", async () => {
      const results = await Promise.all(Array.from({ length: 30 }, () => submit(completeAnswers("ar", 30))));
      const statuses = results.map((result) => result.body.status);
      expect(statuses.filter((status) => status === "complete")).toHaveLength(3);
      expect(statuses.filter((status) => status === "quota_full")).toHaveLength(27);
      const state = await quotaRepository(parallax.store.db).state("quota-mini");
      expect(state.find((cell) => cell.quotaId === "country" && cell.cell === "ar")).toMatchObject({
        count: 3,
        target: 3,
      });
      expect(state.find((cell) => cell.quotaId === "country_age" && cell.cell === "ar|18-39")?.count).toBe(3);
      const stored = await responseRepository(parallax.store.db).list("quota-mini");
      expect(stored.filter((response) => response.status === "complete")).toHaveLength(3);
    });

    it("counts nothing into other quotas when one of a respondent's cells is full", async () => {
      for (let i = 0; i < 5; i++)
        expect((await submit(completeAnswers("mx", 50))).body.status).toBe("complete");
      expect((await submit(completeAnswers("mx", 55))).body.status).toBe("quota_full");
      const state = await quotaRepository(parallax.store.db).state("quota-mini");
      expect(state.find((cell) => cell.quotaId === "country" && cell.cell === "mx")?.count).toBe(5);
      expect((await submit(completeAnswers("mx", 25))).body.status).toBe("complete");
    });

    it("tells a respondent as soon as the answers place them in a full cell", async () => {
      const check = (answers: Record<string, unknown>) =>
        fetch(`${base}/quota-check`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ answers, language: "es" }),
        }).then((reply) => reply.json());
      expect(await check({ country: "ar" })).toEqual({
        full: true,
        quota: "country",
        cell: "ar",
        message: "Gracias. Ya tenemos suficientes respuestas de su país.",
      });
      expect(await check({ country: "mx" })).toEqual({ full: false });
      expect(await check({ country: "mx", age: 60 })).toMatchObject({ full: true, quota: "country_age" });
      expect(await check({ age: 60 })).toEqual({ full: false });
    });

    it("keeps a screened-out respondent out of every count", async () => {
      expect((await submit({ age: 15 })).body.status).toBe("screened_out");
      const state = await quotaRepository(parallax.store.db).state("quota-mini");
      expect(state.reduce((sum, cell) => sum + (cell.quotaId === "country" ? cell.count : 0), 0)).toBe(9);
    });
  });
}
