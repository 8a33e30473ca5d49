import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "../src/store/openDatabase.ts";
import { responseRepository, type StoredResponse } from "../src/store/responseRepository.ts";
import { studyRepository } from "../src/store/studyRepository.ts";
import type { LoadedStudy } from "../src/study/types.ts";
import { dialects, openTestStore } from "./support/stores.ts";

const study: LoadedStudy = {
  directory: "/nowhere",
  definition: {
    id: "tiny",
    title: { en: "Tiny" },
    languages: ["en"],
    concepts: [],
    populations: [
      {
        id: "adults",
        name: { en: "Adults" },
        questionnaire: "adults.json",
        languages: ["en"],
        modes: ["web"],
        fieldwork: { start: "2025-01-01", end: "2025-12-31", timezone: "UTC" },
        sites: [{ id: "uk", country: "GB", target: 10 }],
      },
    ],
  },
  questionnaires: {
    adults: { population: "adults", file: "adults.json", version: "v1", json: { elements: [] } },
  },
};

function response(id: string, overrides: Partial<StoredResponse> = {}): StoredResponse {
  return {
    id,
    studyId: "tiny",
    populationId: "adults",
    questionnaireVersion: "v1",
    siteId: "uk",
    language: "en",
    mode: "web",
    status: "complete",
    answers: { age: 30, note: "naïve — 中文" },
    paradata: { startedAt: "2025-05-01T10:00:00.000Z" },
    userAgent: "test",
    bodyHash: "h1",
    receivedAt: new Date().toISOString(),
    ...overrides,
  };
}

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`store on ${dialect}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ store, cleanup } = await openTestStore(dialect));
      await studyRepository(store.db).save(study);
    });
    afterAll(async () => cleanup());

    it("keeps the study definition and re-saving it is harmless", async () => {
      await studyRepository(store.db).save(study);
      expect((await studyRepository(store.db).definition("tiny"))?.title.en).toBe("Tiny");
      expect(await studyRepository(store.db).definition("missing")).toBeUndefined();
    });

    it("stores a response once and returns the first copy on a retry", async () => {
      const responses = responseRepository(store.db);
      const first = await responses.insertOnce(response("8a0f9c1e-0000-4000-8000-000000000001"));
      expect(first.inserted).toBe(true);
      const retry = await responses.insertOnce(
        response("8a0f9c1e-0000-4000-8000-000000000001", { bodyHash: "other" }),
      );
      expect(retry.inserted).toBe(false);
      expect(retry.stored.bodyHash).toBe("h1");
      expect(retry.stored.answers).toEqual({ age: 30, note: "naïve — 中文" });
    });

    it("stores exactly one row when twenty submissions of one id race", async () => {
      const responses = responseRepository(store.db);
      const id = "8a0f9c1e-0000-4000-8000-000000000002";
      const results = await Promise.all(Array.from({ length: 20 }, () => responses.insertOnce(response(id))));
      expect(results.filter((result) => result.inserted)).toHaveLength(1);
      const stored = await responses.list("tiny", "adults");
      expect(stored.filter((row) => row.id === id)).toHaveLength(1);
    });

    it("lists a study's responses page by page in list order, mapped as they are read", async () => {
      const responses = responseRepository(store.db);
      for (let k = 0; k < 30; k++)
        await responses.insertOnce(
          response(`7c2e1a3f-0000-4000-8000-${String(k).padStart(12, "0")}`, {
            // Ties on the time are ordered by id, as list orders them.
            receivedAt: `2025-06-0${1 + (k % 3)}T00:00:00.000Z`,
            answers: { age: k },
          }),
        );
      const listed = await responses.list("tiny");
      const counts: number[] = [];
      const mapped = await responses.listMapped("tiny", (row) => `${row.id} ${JSON.stringify(row.answers)}`, {
        pageRows: 7,
        onRead: (count) => counts.push(count),
      });
      expect(listed.length).toBeGreaterThanOrEqual(30);
      expect(mapped).toEqual(listed.map((row) => `${row.id} ${JSON.stringify(row.answers)}`));
      expect(counts.at(-1)).toBe(listed.length);
      expect(counts.slice(0, 4)).toEqual([7, 14, 21, 28]);
      expect(await responses.listMapped("nowhere", (row) => row.id)).toEqual([]);
    });

    it("lists and counts some populations' responses, in list order", async () => {
      const responses = responseRepository(store.db);
      for (let k = 0; k < 3; k++)
        await responses.insertOnce(
          response(`5d0c9e2b-0000-4000-8000-${String(k).padStart(12, "0")}`, {
            populationId: "elders",
            receivedAt: `2025-06-0${3 - k}T00:00:00.000Z`,
          }),
        );
      const listed = await responses.list("tiny");
      const elders = await responses.listMapped("tiny", (row) => row.id, { populations: ["elders"] });
      expect(elders).toEqual(listed.filter((row) => row.populationId === "elders").map((row) => row.id));
      expect(elders).toHaveLength(3);
      expect(
        await responses.listMapped("tiny", (row) => row.id, { populations: ["adults", "elders"] }),
      ).toEqual(listed.map((row) => row.id));
      expect(await responses.listMapped("tiny", (row) => row.id, { populations: [] })).toEqual([]);
      const counts = await responses.countByPopulation("tiny");
      expect(counts.get("elders")).toBe(3);
      expect(counts.get("adults")).toBe(listed.length - 3);
      expect(counts.size).toBe(2);
    });

    it("stores every one of many responses sent at once, each with its own outcome", async () => {
      const responses = responseRepository(store.db);
      const ids = Array.from(
        { length: 40 },
        (_, k) => `9b1f0d2e-0000-4000-8000-${String(k).padStart(12, "0")}`,
      );
      // One row names a study that does not exist: only that row is refused, the others of its group are kept.
      const outcomes = await Promise.allSettled([
        ...ids.map((id, k) =>
          responses.insertOnce(response(id, { bodyHash: `b${k}`, siteId: k % 2 ? null : "uk" })),
        ),
        responses.insertOnce(response("9b1f0d2e-0000-4000-8000-999999999999", { studyId: "nowhere" })),
        responses.insertOnce(response(ids[3], { bodyHash: "late" })),
      ]);
      expect(outcomes.slice(0, 40).every((o) => o.status === "fulfilled" && o.value.inserted)).toBe(true);
      expect(outcomes[40].status).toBe("rejected");
      const retry = outcomes[41];
      expect(retry.status === "fulfilled" && !retry.value.inserted && retry.value.stored.bodyHash).toBe("b3");
      const stored = new Map((await responses.list("tiny", "adults")).map((row) => [row.id, row]));
      for (const [k, id] of ids.entries()) {
        expect(stored.get(id)?.bodyHash).toBe(`b${k}`);
        expect(stored.get(id)?.siteId).toBe(k % 2 ? null : "uk");
      }
      expect(stored.has("9b1f0d2e-0000-4000-8000-999999999999")).toBe(false);
    });

    it.runIf(dialect === "postgres")("writes the responses of one turn with one statement", async () => {
      const responses = responseRepository(store.db);
      const statements = vi.spyOn(store.db, "executeQuery");
      const ids = Array.from(
        { length: 25 },
        (_, k) => `7c2e1f3a-0000-4000-8000-${String(k).padStart(12, "0")}`,
      );
      const results = await Promise.all(ids.map((id) => responses.insertOnce(response(id))));
      expect(results.every((result) => result.inserted)).toBe(true);
      expect(statements).toHaveBeenCalledTimes(1);
      statements.mockRestore();
    });
  });
}
