import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/access/passwords.ts";
import { loadSimulatedFieldwork } from "../src/fieldwork/loadSimulatedFieldwork.ts";
import type { RatesReport } from "../src/fieldwork/rates/ratesReport.ts";
import { readQualityConfig } from "../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import type { InterviewerVerdict } from "../src/quality/index.ts";
import type { Toplines } from "../src/report/dashboardToplines.ts";
import { defaultFaultShares, simulateFieldwork } from "../src/simulate/simulateFieldwork.ts";
import type { SimulatedResponse } from "../src/simulate/types.ts";
import type { StoredFlag } from "../src/store/qualityRepository.ts";
import { userRepository } from "../src/store/userRepository.ts";
import { dialects } from "./support/stores.ts";
import { startTestServer, type TestServer } from "./support/testServer.ts";

const password = "correct horse battery staple";

interface QualityReply {
  screenedAt: string | null;
  responses: number;
  simulated: number;
  interviewers: InterviewerVerdict[];
}

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`the dashboard's live figures on ${dialect}`, () => {
    let server: TestServer;
    let cookie: string;
    let csrf: string;
    let heldBack: SimulatedResponse;
    let loaded: number;

    const get = async <T>(path: string, as = cookie) => {
      const reply = await fetch(`${server.origin}${path}`, { headers: { cookie: as } });
      return { status: reply.status, body: (await reply.json()) as T };
    };

    beforeAll(async () => {
      server = await startTestServer(dialect, "examples/china-lac", { openFieldwork: true });
      const study = await readStudyFolder("examples/china-lac");
      const simulation = simulateFieldwork(study, {
        seed: 11,
        n: { china: 200, lac: 1300 },
        quality: await readQualityConfig(study.directory),
        faults: defaultFaultShares,
        fabricatingInterviewers: 2,
        exact: true,
      });
      // One clean web response is kept back, to arrive over HTTP while the dashboard watches.
      const index = simulation.responses.findIndex(
        (response) =>
          response.population === "china" &&
          response.status === "complete" &&
          !simulation.truth.has(response.id),
      );
      heldBack = simulation.responses[index];
      simulation.responses.splice(index, 1);
      loaded = await loadSimulatedFieldwork(server.parallax.store.db, study, simulation);
      await userRepository(server.parallax.store.db).add(
        { id: randomUUID(), email: "manager@example.org", name: "Manager", role: "manager" },
        await hashPassword(password),
      );
      const reply = await fetch(`${server.origin}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "manager@example.org", password }),
      });
      cookie = (reply.headers.get("set-cookie") ?? "").split(";")[0];
      csrf = ((await reply.json()) as { csrfToken: string }).csrfToken;
    });
    afterAll(async () => server?.close());

    it("serves the admin app's page, linked from the landing page", async () => {
      const reply = await fetch(`${server.origin}/admin`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get("content-type")).toMatch(/text\/html/);
      expect(await reply.text()).toContain('<div id="root">');
      const landing = await (await fetch(`${server.origin}/`)).text();
      expect(landing).toContain('href="/admin"');
      expect(landing).toContain('href="/interviewer"');
    });

    it("keeps each screen's interviewer verdicts, with the indicators that drove each flag", async () => {
      const before = await get<QualityReply>("/api/v1/studies/china-lac/quality");
      expect(before.body.screenedAt).toBeNull();
      expect(before.body.interviewers).toEqual([]);
      for (let round = 0; round < 2; round++) {
        const screen = await fetch(`${server.origin}/api/v1/studies/china-lac/quality/screen`, {
          method: "POST",
          headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
          body: "{}",
        });
        expect(screen.status).toBe(200);
      }
      const { status, body } = await get<QualityReply>("/api/v1/studies/china-lac/quality");
      expect(status).toBe(200);
      expect(body.screenedAt).not.toBeNull();
      expect(body.responses).toBe(loaded);
      expect(body.simulated).toBe(loaded);
      const flagged = body.interviewers.filter((verdict) => verdict.flagged);
      expect(flagged.length).toBeGreaterThanOrEqual(1);
      // Screened twice, stored once: one verdict per interviewer and population.
      const keys = body.interviewers.map((verdict) => `${verdict.population}/${verdict.interviewer}`);
      expect(new Set(keys).size).toBe(keys.length);
      const { body: flags } = await get<{ flags: StoredFlag[] }>("/api/v1/studies/china-lac/flags");
      for (const verdict of flagged) {
        expect(verdict.drivers.length).toBeGreaterThan(0);
        expect(verdict.distance).toBeGreaterThan(verdict.threshold);
        const fabricated = flags.flags.filter(
          (flag) => flag.rule === "fabricated" && flag.evidence.interviewer === verdict.interviewer,
        );
        expect(fabricated.length).toBe(verdict.interviews);
      }
      expect(body.interviewers.filter((verdict) => !verdict.flagged).length).toBeGreaterThan(5);
    });

    it("gives toplines over the valid set that move when a response arrives", async () => {
      const valid = await get<{ valid: number }>("/api/v1/studies/china-lac/valid");
      const first = await get<Toplines>("/api/v1/studies/china-lac/toplines?lang=pt");
      expect(first.status).toBe(200);
      expect(first.body.language).toBe("pt");
      expect(first.body.bases.china + first.body.bases.lac).toBe(valid.body.valid);
      expect(first.body.concepts.length).toBeGreaterThan(10);
      const share = first.body.concepts[0].values[0].byPopulation.lac;
      expect(share?.ci[0]).toBeLessThan(share?.estimate ?? 0);
      const { population: _population, site: _site, interviewer: _who, status: _status, ...body } = heldBack;
      const submitted = await fetch(`${server.origin}/api/v1/studies/china-lac/populations/china/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(submitted.status).toBe(201);
      const after = await get<Toplines>("/api/v1/studies/china-lac/toplines?lang=pt");
      expect(after.body.bases.china).toBe(first.body.bases.china + 1);
      expect(after.body.bases.lac).toBe(first.body.bases.lac);
    });

    it("gives AAPOR rates per site for every site of the study, and names a bad grouping", async () => {
      const { status, body } = await get<RatesReport>("/api/v1/studies/china-lac/rates?by=site");
      expect(status).toBe(200);
      expect(body.by).toBe("site");
      expect(body.groups.filter((group) => group.populationId === "china")).toHaveLength(16);
      expect(body.groups.filter((group) => group.populationId === "lac")).toHaveLength(6);
      const completes = body.groups.reduce((sum, group) => sum + group.optIn.counts.I, 0);
      expect(completes).toBeGreaterThan(1000);
      const bad = await get<{ error: { code: string; details: Array<{ path: string }> } }>(
        "/api/v1/studies/china-lac/rates?by=planet",
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe("by");
    });
  });
}
