import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  });
}
