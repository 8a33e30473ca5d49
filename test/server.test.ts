import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParallaxInstance } from "../src/server/openParallax.ts";
import { responseRepository } from "../src/store/responseRepository.ts";
import { dialects } from "./support/stores.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const validAnswers = {
  age: 34,
  country: "mx",
  likes: ["football", "food"],
  pets: true,
  pet_name: "Luna",
  ranking: ["china", "spain", "usa"],
  words: "tecnología, comercio",
};

function body(
  id: string,
  answers: Record<string, unknown> = validAnswers,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    language: "es",
    mode: "web",
    answers,
    paradata: { startedAt: "2025-05-02T10:00:00Z" },
    ...extra,
  };
}

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`the HTTP API on ${dialect}`, () => {
    let server: TestServer;
    let parallax: ParallaxInstance;
    let base: string;

    beforeAll(async () => {
      server = await startTestServer(dialect, "test/fixtures/studies/mini");
      parallax = server.parallax;
      base = `${server.origin}/api/v1/studies/mini`;
    });
    afterAll(async () => server.close());

    const post = (payload: unknown, population = "adults") =>
      fetch(`${base}/populations/${population}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof payload === "string" ? payload : JSON.stringify(payload),
      });

    it("lists the study and serves the questionnaire with its version", async () => {
      const list = (await (await fetch(`${base.replace(/\/mini$/, "")}`)).json()) as {
        studies: Array<{ id: string }>;
      };
      expect(list.studies.map((study) => study.id)).toEqual(["mini"]);
      const study = (await (await fetch(base)).json()) as {
        populations: Array<{ links: Record<string, string> }>;
      };
      expect(study.populations[0].links.es).toBe("/s/mini/adults/es");
      const reply = await fetch(`${base}/populations/adults/questionnaire`);
      const questionnaire = (await reply.json()) as { version: string; questionnaire: { pages: unknown[] } };
      expect(questionnaire.version).toMatch(/^[0-9a-f]{16}$/);
      expect(questionnaire.questionnaire.pages).toHaveLength(2);
    });

    it("stores a valid response once: 201, then 200 with the same record for the same body", async () => {
      const id = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b";
      const first = await post(body(id));
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ id, status: "complete" });
      const again = await post(body(id));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ id, status: "complete" });
      const stored = await responseRepository(parallax.store.db).list("mini");
      const copies = stored.filter((response) => response.id === id);
      expect(copies).toHaveLength(1);
      expect(copies[0].siteId).toBe("mx");
      expect(copies[0].answers).toEqual(validAnswers);
      expect(copies[0].paradata.startedAt).toBe("2025-05-02T10:00:00Z");
    });

    it("refuses the same id with different answers (409) and keeps the first", async () => {
      const id = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5c";
      expect((await post(body(id))).status).toBe(201);
      const conflict = await post(body(id, { ...validAnswers, age: 40 }));
      expect(conflict.status).toBe(409);
      const stored = await responseRepository(parallax.store.db).find(id);
      expect(stored?.answers.age).toBe(34);
    });

    it("keeps an ineligible respondent as screened out, with partial answers", async () => {
      const id = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5d";
      const reply = await post(body(id, { age: 16 }));
      expect(reply.status).toBe(201);
      expect(await reply.json()).toEqual({ id, status: "screened_out" });
      expect((await responseRepository(parallax.store.db).find(id))?.status).toBe("screened_out");
    });

    it("rejects invalid answers with 422, naming each problem, and stores nothing", async () => {
      const id = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5e";
      const reply = await post(
        body(id, {
          age: 30,
          country: "br",
          likes: ["football", "music", "food"],
          pets: false,
          pet_name: "Rex",
          ranking: ["china"],
        }),
      );
      expect(reply.status).toBe(422);
      const { error } = (await reply.json()) as { error: { code: string; details: Array<{ path: string }> } };
      expect(error.code).toBe("RESPONSE_INVALID");
      const paths = error.details.map((detail) => detail.path);
      expect(paths).toEqual(
        expect.arrayContaining(["answers.country", "answers.likes", "answers.pet_name", "answers.ranking"]),
      );
      expect(await responseRepository(parallax.store.db).find(id)).toBeUndefined();
    });

    it("rejects a malformed envelope, bad JSON and unknown places without a stack trace", async () => {
      const envelope = await post({ id: "not-a-uuid", language: "zh-cn", mode: "phone", answers: [] });
      expect(envelope.status).toBe(422);
      const { error } = (await envelope.json()) as { error: { details: Array<{ path: string }> } };
      expect(error.details.map((detail) => detail.path).sort()).toEqual([
        "answers",
        "id",
        "language",
        "mode",
      ]);
      const broken = await post("{ not json");
      expect(broken.status).toBe(400);
      const text = await broken.text();
      expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
      expect((await post(body("3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5f"), "nobody")).status).toBe(404);
      expect((await fetch(`${base.replace(/mini$/, "nothing")}`)).status).toBe(404);
    });

    it("serves the respondent page for each offered language and 404 for others", async () => {
      const origin = new URL(base).origin;
      const page = await fetch(`${origin}/s/mini/adults/es`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect((await fetch(`${origin}/s/mini/adults/zh-cn`)).status).toBe(404);
    });
  });
}
