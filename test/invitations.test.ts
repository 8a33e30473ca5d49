import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../src/files/ensureWebBuilt.ts";
import { parseCsvRows } from "../src/files/parseCsvRows.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { openParallax, type ParallaxInstance } from "../src/server/openParallax.ts";
import { invitationRepository } from "../src/store/invitationRepository.ts";
import { completeAnswers } from "./support/quotaAnswers.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";

const run = promisify(execFile);
const dataKey = randomBytes(32).toString("base64");

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/parallax.js", ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`invitations and resuming on ${dialect}`, () => {
    let parallax: ParallaxInstance;
    let database: TestDatabase;
    let api: string;
    const webRoot = ensureWebBuilt(() => {});

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const study = await readStudyFolder("test/fixtures/studies/mini");
      parallax = await openParallax({ db: database.url, studies: [study], webRoot: await webRoot });
      api = `${await parallax.app.listen({ port: 0, host: "127.0.0.1" })}/api/v1/studies/mini/populations/adults`;
    });
    afterAll(async () => {
      await parallax.close();
      await database.drop();
    });

    const json = (method: string, path: string, body?: unknown) =>
      fetch(`${api}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (reply) => ({
        status: reply.status,
        body: (await reply.json()) as Record<string, unknown>,
      }));

    it("a personal invitation is resumable on another device and single use", async () => {
      const { invitation, token } = await invitationRepository(parallax.store.db).create({
        studyId: "mini",
        populationId: "adults",
        siteId: "mx",
        language: "es",
        mode: "web",
        personalDataId: null,
      });
      expect((await json("GET", `/invitations/${token}`)).body).toMatchObject({
        state: "new",
        language: "es",
        site: "mx",
      });
      const rejected = await json("POST", "/responses", {
        id: randomUUID(),
        language: "es",
        mode: "web",
        answers: { age: "old" },
        token,
      });
      expect(rejected.status).toBe(422);
      expect((await invitationRepository(parallax.store.db).findByToken(token))?.responseId).toBeNull();
      const id = randomUUID();
      const partial = await json("PUT", `/responses/${id}/progress`, {
        language: "es",
        mode: "web",
        answers: { age: 44, country: "mx" },
        pageNo: 1,
        token,
      });
      expect(partial).toEqual({ status: 200, body: { id, status: "partial" } });
      expect((await json("GET", `/invitations/${token}`)).body).toMatchObject({
        state: "in_progress",
        responseId: id,
        answers: { age: 44, country: "mx" },
        pageNo: 1,
      });
      const other = await json("POST", "/responses", {
        id: randomUUID(),
        language: "es",
        mode: "web",
        answers: completeAnswers("mx", 44),
        token,
      });
      expect(other.status).toBe(409);
      const final = await json("POST", "/responses", {
        id,
        language: "es",
        mode: "web",
        answers: completeAnswers("mx", 44),
        token,
      });
      expect(final).toEqual({ status: 201, body: { id, status: "complete" } });
      expect((await json("GET", `/invitations/${token}`)).body).toMatchObject({ state: "completed" });
      expect((await invitationRepository(parallax.store.db).findByToken(token))?.disposition).toBe(
        "complete",
      );
      expect(invitation.disposition).toBe("pending");
      const late = await json("PUT", `/responses/${id}/progress`, {
        language: "es",
        mode: "web",
        answers: { age: 45 },
        token,
      });
      expect(late.status).toBe(409);
      expect((await json("GET", "/invitations/not-a-real-token")).status).toBe(403);
    });

    it("an open-link respondent resumes with the response's own id", async () => {
      const id = randomUUID();
      await json("PUT", `/responses/${id}/progress`, {
        language: "es",
        mode: "web",
        answers: { age: 30, country: "ar" },
        pageNo: 1,
      });
      expect((await json("GET", `/responses/${id}/progress`)).body).toMatchObject({
        status: "partial",
        answers: { age: 30, country: "ar" },
      });
      const invalid = await json("PUT", `/responses/${id}/progress`, {
        language: "es",
        mode: "web",
        answers: { age: "old" },
      });
      expect(invalid.status).toBe(422);
      expect(
        (
          await json("POST", "/responses", {
            id,
            language: "es",
            mode: "web",
            answers: completeAnswers("ar", 30),
          })
        ).status,
      ).toBe(201);
      expect((await json("GET", `/responses/${id}/progress`)).body).toEqual({ id, status: "complete" });
    });

    it("invite stores contacts encrypted, and the server refuses to start without their key", async () => {
      const contacts = `${database.url}.contacts.csv`.replace(/^postgres.*\//, "/tmp/");
      writeFileSync(
        contacts,
        "name,email,phone\nMaría Pérez,maria.perez@example.org,+52 55 1234 5678\nJoão Silva,joao@example.org,\n",
      );
      const refused = await cli([
        "invite",
        "--study",
        "mini",
        "--population",
        "adults",
        "--language",
        "es",
        "--contacts",
        contacts,
        "--db",
        database.url,
      ]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("PARALLAX_DATA_KEY");
      const made = await cli(
        [
          "invite",
          "--study",
          "mini",
          "--population",
          "adults",
          "--language",
          "es",
          "--site",
          "mx",
          "--contacts",
          contacts,
          "--db",
          database.url,
        ],
        { PARALLAX_DATA_KEY: dataKey },
      );
      expect(made.code).toBe(0);
      const [header, ...rows] = parseCsvRows(made.stdout).filter((row) => row.length > 1);
      expect(header).toEqual(["invitation_id", "link", "name", "email", "phone"]);
      expect(rows).toHaveLength(2);
      expect(rows[0][1]).toMatch(/^http:\/\/localhost:3000\/s\/mini\/adults\/es\?t=[\w-]{24}$/);
      if (dialect === "sqlite")
        expect(readFileSync(database.url).includes("maria.perez@example.org")).toBe(false);
      const token = new URL(rows[0][1]).searchParams.get("t") as string;
      expect((await json("GET", `/invitations/${token}`)).body).toMatchObject({ state: "new", site: "mx" });
      await expect(openParallax({ db: database.url, studies: [], webRoot: await webRoot })).rejects.toThrow(
        /holds personal data/,
      );
    });
  });
}
