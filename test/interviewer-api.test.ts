import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/access/passwords.ts";
import type { Role } from "../src/access/roles.ts";

import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { openParallax, type ParallaxInstance } from "../src/server/openParallax.ts";
import { auditRepository } from "../src/store/auditRepository.ts";
import { userRepository } from "../src/store/userRepository.ts";
import { buildWebForInterviewerTests } from "./support/interviewerWebBuild.ts";
import { completeAnswers } from "./support/quotaAnswers.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";

const run = promisify(execFile);
const password = "correct horse battery staple";

interface Signed {
  cookie: string;
  csrf: string;
}

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`interviewer assignments, contacts and the supervisor view on ${dialect}`, () => {
    let parallax: ParallaxInstance;
    let database: TestDatabase;
    let origin: string;
    const ids: Record<string, string> = {};
    const sessions: Record<string, Signed> = {};

    const people: Array<[string, Role]> = [
      ["ana@example.org", "interviewer"],
      ["bruno@example.org", "interviewer"],
      ["maria@example.org", "manager"],
      ["alan@example.org", "analyst"],
    ];

    const assign = (args: string[]) =>
      run(process.execPath, ["bin/parallax.js", "assign", "--db", database.url, ...args]);

    async function request(path: string, who?: string, init: RequestInit = {}) {
      const session = who ? sessions[who] : undefined;
      return fetch(`${origin}${path}`, {
        ...init,
        headers: {
          ...(init.body ? { "content-type": "application/json" } : {}),
          ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}),
        },
      });
    }

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      parallax = await openParallax({
        db: database.url,
        studies: [await readStudyFolder("test/fixtures/studies/quota-mini")],
        webRoot: await buildWebForInterviewerTests(),
      });
      origin = await parallax.app.listen({ port: 0, host: "127.0.0.1" });
      const passwordHash = await hashPassword(password);
      for (const [email, role] of people) {
        ids[email] = randomUUID();
        await userRepository(parallax.store.db).add(
          { id: ids[email], email, name: email, role },
          passwordHash,
        );
        const reply = await request("/api/v1/auth/login", undefined, {
          method: "POST",
          body: JSON.stringify({ email, password }),
        });
        const { csrfToken } = (await reply.json()) as { csrfToken: string };
        sessions[email] = { cookie: (reply.headers.get("set-cookie") ?? "").split(";")[0], csrf: csrfToken };
      }
    });
    afterAll(async () => {
      await parallax?.close();
      await database?.drop();
    });

    it("assigns from the command line, checking the interviewer, population and sites, and audits it", async () => {
      await assign([
        "--study",
        "quota-mini",
        "--population",
        "adults",
        "--interviewer",
        "ana@example.org",
        "--sites",
        "ar",
      ]);
      await assign([
        "--study",
        "quota-mini",
        "--population",
        "adults",
        "--interviewer",
        "bruno@example.org",
        "--sites",
        "mx",
      ]);
      await expect(
        assign([
          "--study",
          "quota-mini",
          "--population",
          "adults",
          "--interviewer",
          "maria@example.org",
          "--sites",
          "ar",
        ]),
      ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("not an active interviewer") });
      await expect(
        assign([
          "--study",
          "quota-mini",
          "--population",
          "adults",
          "--interviewer",
          "ana@example.org",
          "--sites",
          "ar,zz",
        ]),
      ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("No site zz") });
      // Assigning again replaces the sites.
      const { stdout } = await assign([
        "--study",
        "quota-mini",
        "--population",
        "adults",
        "--interviewer",
        "ana@example.org",
        "--sites",
        "ar,mx",
      ]);
      expect(JSON.parse(stdout)).toMatchObject({ sites: ["ar", "mx"], userId: ids["ana@example.org"] });
      const audit = await auditRepository(parallax.store).list();
      expect(audit.filter((entry) => entry.action === "interviewer_assigned")).toHaveLength(3);
    });

    it("gives each interviewer only their own assignments, with the questionnaire and the quota of their sites", async () => {
      const reply = await request("/api/v1/interviewer/assignments", "bruno@example.org");
      expect(reply.status).toBe(200);
      const body = (await reply.json()) as {
        interviewer: { id: string };
        serverTime: string;
        assignments: Array<{
          sites: string[];
          population: { id: string; sites: Array<{ id: string }> };
          questionnaire: { version: string; json: { pages?: unknown[] } };
          quotaCells: Array<{ quotaId: string; cell: string; target: number; count: number }>;
        }>;
      };
      expect(body.interviewer.id).toBe(ids["bruno@example.org"]);
      expect(Number.isFinite(Date.parse(body.serverTime))).toBe(true);
      expect(body.assignments).toHaveLength(1);
      const [assignment] = body.assignments;
      expect(assignment.sites).toEqual(["mx"]);
      expect(assignment.population.sites.map((site) => site.id)).toEqual(["mx"]);
      expect(assignment.questionnaire.version).toMatch(/^[0-9a-f]{16}$/);
      expect(assignment.questionnaire.json.pages?.length).toBeGreaterThan(0);
      const cells = assignment.quotaCells.map((cell) => `${cell.quotaId}:${cell.cell}`);
      expect(cells).toContain("country:mx");
      expect(cells).toContain("country_age:mx|40-70");
      expect(cells.some((cell) => cell.includes("ar"))).toBe(false);

      expect((await request("/api/v1/interviewer/assignments", "maria@example.org")).status).toBe(403);
      expect((await request("/api/v1/interviewer/assignments")).status).toBe(401);
    });

    it("stores interviews once and contact attempts once, and sums them up per interviewer for a manager", async () => {
      const ana = ids["ana@example.org"];
      const interview = {
        id: randomUUID(),
        language: "en",
        mode: "f2f",
        answers: completeAnswers("ar", 30),
        paradata: { interviewer: ana, startedAt: "2026-03-01T10:00:00.000Z", activeMs: 300_000 },
      };
      const post = () =>
        request("/api/v1/studies/quota-mini/populations/adults/responses", "ana@example.org", {
          method: "POST",
          body: JSON.stringify(interview),
        });
      expect((await post()).status).toBe(201);
      expect((await post()).status).toBe(200);

      const contact = {
        id: randomUUID(),
        study: "quota-mini",
        population: "adults",
        site: "ar",
        outcome: "refusal",
        attemptedAt: new Date().toISOString(),
      };
      const send = (body: object, who = "ana@example.org") =>
        request("/api/v1/interviewer/contacts", who, { method: "POST", body: JSON.stringify(body) });
      expect((await send(contact)).status).toBe(201);
      expect((await send(contact)).status).toBe(200);
      expect((await send({ ...contact, outcome: "non_contact" })).status).toBe(409);
      expect((await send({ ...contact, id: randomUUID(), outcome: "non_contact" })).status).toBe(201);
      expect((await send({ ...contact, id: randomUUID() }, "bruno@example.org")).status).toBe(403);
      expect((await send({ ...contact, id: "not-a-uuid", outcome: "lunch" })).status).toBe(400);

      expect((await request("/api/v1/studies/quota-mini/interviewers", "ana@example.org")).status).toBe(403);
      const reply = await request("/api/v1/studies/quota-mini/interviewers", "maria@example.org");
      expect(reply.status).toBe(200);
      const { interviewers } = (await reply.json()) as { interviewers: Array<Record<string, unknown>> };
      const row = interviewers.find((item) => item.interviewerId === ana);
      expect(row).toMatchObject({
        email: "ana@example.org",
        interviewsSynced: 1,
        complete: 1,
        medianDurationSeconds: 300,
        refusals: 1,
        nonContacts: 1,
        assignments: [{ population: "adults", sites: ["ar", "mx"] }],
      });
      expect(typeof row?.lastSync).toBe("string");
      expect(interviewers.find((item) => item.interviewerId === ids["bruno@example.org"])).toMatchObject({
        interviewsSynced: 0,
        medianDurationSeconds: null,
        lastSync: null,
      });
    });

    it("refuses an interviewer whose account was disabled, so the app asks to sign in again", async () => {
      await userRepository(parallax.store.db).setDisabled(ids["bruno@example.org"], true);
      expect((await request("/api/v1/interviewer/assignments", "bruno@example.org")).status).toBe(401);
    });

    it("serves the app page, its manifest and its service worker allowed to control /interviewer", async () => {
      const page = await request("/interviewer");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('rel="manifest"');
      const worker = await request("/interviewer/sw.js");
      expect(worker.status).toBe(200);
      expect(worker.headers.get("service-worker-allowed")).toBe("/interviewer");
      expect(worker.headers.get("content-type")).toContain("javascript");
      const manifest = (await (await request("/interviewer/manifest.webmanifest")).json()) as {
        scope: string;
      };
      expect(manifest.scope).toBe("/interviewer");
      expect((await request("/interviewer/secrets.txt")).status).toBe(404);
    });
  });
}
