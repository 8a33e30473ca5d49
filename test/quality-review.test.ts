import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/access/passwords.ts";
import { loadSimulatedFieldwork } from "../src/fieldwork/loadSimulatedFieldwork.ts";
import { ensureWebBuilt } from "../src/files/ensureWebBuilt.ts";
import { readQualityConfig } from "../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { openParallax, type ParallaxInstance } from "../src/server/openParallax.ts";
import { defaultFaultShares, simulateFieldwork } from "../src/simulate/simulateFieldwork.ts";
import { auditRepository } from "../src/store/auditRepository.ts";
import { userRepository } from "../src/store/userRepository.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`reviewing quality flags on ${dialect}`, () => {
    let parallax: ParallaxInstance;
    let database: TestDatabase;
    let origin: string;
    const headers: Record<string, Record<string, string>> = {};

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const study = await readStudyFolder("examples/china-lac");
      parallax = await openParallax({
        db: database.url,
        studies: [study],
        webRoot: await ensureWebBuilt(() => {}),
      });
      const simulation = simulateFieldwork(study, {
        seed: 7,
        n: { china: 150, lac: 250 },
        faults: defaultFaultShares,
        fabricatingInterviewers: 1,
        exact: true,
        quality: await readQualityConfig(study.directory),
      });
      await loadSimulatedFieldwork(parallax.store.db, study, simulation);
      origin = await parallax.app.listen({ port: 0, host: "127.0.0.1" });
      const passwordHash = await hashPassword("correct horse battery staple");
      for (const role of ["manager", "analyst"] as const) {
        await userRepository(parallax.store.db).add(
          { id: randomUUID(), email: `${role}@example.org`, name: role, role },
          passwordHash,
        );
        const reply = await fetch(`${origin}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: `${role}@example.org`, password: "correct horse battery staple" }),
        });
        const { csrfToken } = (await reply.json()) as { csrfToken: string };
        headers[role] = {
          cookie: (reply.headers.get("set-cookie") ?? "").split(";")[0],
          "x-csrf-token": csrfToken,
          "content-type": "application/json",
        };
      }
    });
    afterAll(async () => {
      await parallax.close();
      await database.drop();
    });

    const call = (role: string, method: string, path: string, body?: unknown) =>
      fetch(`${origin}/api/v1/studies/china-lac${path}`, {
        method,
        headers: headers[role],
        body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
      }).then(async (reply) => ({
        status: reply.status,
        body: (await reply.json()) as Record<string, unknown>,
      }));

    it("screens, lets a manager override a flag with a comment (audited), and the valid set follows", async () => {
      expect((await call("analyst", "POST", "/quality/screen")).status).toBe(403);
      const screen = await call("manager", "POST", "/quality/screen");
      expect(screen.status).toBe(200);
      const validAfterScreen = screen.body.valid as number;
      expect(validAfterScreen).toBeGreaterThan(380);
      expect(validAfterScreen).toBeLessThan(420);
      const { flags } = (await call("analyst", "GET", "/flags")).body as {
        flags: Array<{ id: string; rule: string; severity: string }>;
      };
      expect(flags.length).toBe(screen.body.flags);
      const target = flags.find(
        (flag) => flag.rule === "speeder" && flags.filter((other) => other.id === flag.id).length === 1,
      );
      expect(target).toBeDefined();
      const before = (await call("analyst", "GET", "/valid")).body.valid as number;
      expect(before).toBe(validAfterScreen);
      const noComment = await call("manager", "POST", `/flags/${target?.id}/${target?.rule}/review`, {
        decision: "override",
        comment: "",
      });
      expect(noComment.status).toBe(400);
      const review = await call("manager", "POST", `/flags/${target?.id}/${target?.rule}/review`, {
        decision: "override",
        comment: "Fast but consistent: a regular respondent",
      });
      expect(review.status).toBe(200);
      expect((await call("analyst", "GET", "/valid")).body.valid).toBe(validAfterScreen + 1);
      const rescreen = await call("manager", "POST", "/quality/screen");
      expect(rescreen.body.valid).toBe(validAfterScreen + 1);
      const entries = await auditRepository(parallax.store).list();
      expect(entries.find((entry) => entry.action === "flag_review")).toMatchObject({
        actor: "manager@example.org",
        target: `${target?.id} speeder`,
        details: { decision: "override" },
      });
    });
  });
}
