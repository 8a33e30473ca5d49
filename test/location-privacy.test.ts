import { randomBytes, randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { personalDataCipher } from "../src/access/personalDataCipher.ts";
import { ensureWebBuilt } from "../src/files/ensureWebBuilt.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { openParallax, type ParallaxInstance } from "../src/server/openParallax.ts";
import { personalDataRepository } from "../src/store/personalDataRepository.ts";
import { responseRepository } from "../src/store/responseRepository.ts";
import { completeAnswers } from "./support/quotaAnswers.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";

const location = { latitude: -34.6037, longitude: -58.3816, accuracy: 12, at: "2025-05-20T14:03:00Z" };

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`a face-to-face GPS point on ${dialect}`, () => {
    let parallax: ParallaxInstance | undefined;
    let database: TestDatabase | undefined;
    afterEach(async () => {
      delete process.env.PARALLAX_DATA_KEY;
      await parallax?.close();
      await database?.drop();
    });

    async function submitWithLocation(key?: string) {
      if (key) process.env.PARALLAX_DATA_KEY = key;
      database = await createTestDatabase(dialect);
      const study = await readStudyFolder("test/fixtures/studies/mini");
      parallax = await openParallax({
        db: database.url,
        studies: [study],
        webRoot: await ensureWebBuilt(() => {}),
      });
      const origin = await parallax.app.listen({ port: 0, host: "127.0.0.1" });
      const id = randomUUID();
      const reply = await fetch(`${origin}/api/v1/studies/mini/populations/adults/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          id,
          language: "es",
          mode: "f2f",
          answers: completeAnswers("ar", 40),
          paradata: { interviewer: "u1", location },
        }),
      });
      expect(reply.status).toBe(201);
      const stored = await responseRepository(parallax.store.db).find(id);
      return { id, paradata: stored?.paradata ?? {}, store: parallax.store };
    }

    it("is sealed in the personal-data store, never left beside the answers", async () => {
      const key = randomBytes(32);
      const { id, paradata, store } = await submitWithLocation(key.toString("base64"));
      expect(paradata.location).toBeUndefined();
      expect(JSON.stringify(paradata)).not.toContain("-34.6037");
      expect(paradata.interviewer).toBe("u1");
      const record = await personalDataRepository(store.db, personalDataCipher(key)).read(
        String(paradata.locationRef),
      );
      expect(record).toEqual({ kind: "location", responseId: id, location });
    });

    it("is not kept at all when no personal-data key is configured", async () => {
      const { paradata } = await submitWithLocation();
      expect(paradata.location).toBeUndefined();
      expect(paradata.locationWithheld).toBe("no personal-data key configured");
    });
  });
}
