import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../src/files/ensureWebBuilt.ts";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { openParallax, type ParallaxInstance } from "../src/server/openParallax.ts";
import { canonicalJson } from "../src/study/canonicalJson.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";
import { type Attempt, type Ledger, type Plan, plans } from "./support/submissionPayloads.ts";

/**
 * Sends generated payloads, hostile and valid, to the submission endpoint of a server started in-process and
 * checks after each one: never a 5xx, every 4xx in the error shape, and the responses table changed exactly when
 * a response was accepted. Most payloads go through `app.inject` (the whole Fastify pipeline: content-type
 * parsing, body limit, hooks, routes, error handler, without sockets); a sample goes over real HTTP.
 */

interface Reply {
  status: number;
  body: string;
}
type Send = (attempt: Attempt) => Promise<Reply>;

const route = (attempt: Attempt) =>
  `/api/v1/studies/${encodeURIComponent(attempt.study)}/populations/${encodeURIComponent(attempt.population)}/responses`;

function injectVia(parallax: ParallaxInstance): Send {
  return async (attempt) => {
    const reply = await parallax.app.inject({
      method: "POST",
      url: route(attempt),
      headers: attempt.contentType ? { "content-type": attempt.contentType } : {},
      payload: attempt.payload,
    });
    return { status: reply.statusCode, body: reply.body };
  };
}

function httpVia(origin: string): Send {
  return async (attempt) => {
    const reply = await fetch(`${origin}${route(attempt)}`, {
      method: "POST",
      headers: attempt.contentType ? { "content-type": attempt.contentType } : {},
      body: attempt.payload,
    });
    return { status: reply.status, body: await reply.text() };
  };
}

function parsedId(payload: string): { id?: string; canonical?: string } {
  try {
    const body = JSON.parse(payload) as unknown;
    if (typeof body !== "object" || body === null || Array.isArray(body)) return {};
    const id = (body as Record<string, unknown>).id;
    return typeof id === "string" ? { id: id.toLowerCase(), canonical: canonicalJson(body) } : {};
  } catch {
    return {};
  }
}

interface Tally {
  payloads: number;
  byKind: Map<string, number>;
  byStatus: Map<number, number>;
  msByKind: Map<string, number>;
}

/** Sends one attempt and checks the reply and the table against what the ledger says must happen. */
async function sendAndCheck(
  parallax: ParallaxInstance,
  ledger: Ledger,
  plan: Plan,
  send: Send,
  tally: Tally,
) {
  const attempt = plan(ledger);
  const rows = async () =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from responses`.execute(parallax.store.db)).rows[0].n,
    );
  const before = await rows();
  const sentAt = performance.now();
  const reply = await send(attempt);
  tally.msByKind.set(attempt.kind, (tally.msByKind.get(attempt.kind) ?? 0) + performance.now() - sentAt);
  const after = await rows();
  tally.payloads += 1;
  tally.byKind.set(attempt.kind, (tally.byKind.get(attempt.kind) ?? 0) + 1);
  tally.byStatus.set(reply.status, (tally.byStatus.get(reply.status) ?? 0) + 1);
  const what = `${attempt.kind} → ${reply.status} ${reply.body.slice(0, 300)}\npayload: ${attempt.payload.slice(0, 300)}`;
  expect(reply.status, what).toBeLessThan(500);
  expect(reply.status, what).toBeGreaterThanOrEqual(200);

  const { id, canonical } = parsedId(attempt.payload);
  const earlier = id === undefined ? undefined : ledger.accepted.get(id);
  if (reply.status >= 400) {
    const { error } = JSON.parse(reply.body) as {
      error: { code: unknown; message: unknown; details: unknown };
    };
    expect(typeof error.code, what).toBe("string");
    expect(typeof error.message, what).toBe("string");
    expect(Array.isArray(error.details), what).toBe(true);
    expect(after, `a rejected payload changed the table: ${what}`).toBe(before);
    expect(attempt.outcome, what).not.toBe("replayed");
    // A valid body is refused only when a generated id happens to repeat one stored with other content.
    if (attempt.outcome === "stored") {
      expect(earlier !== undefined && earlier.canonical !== canonical && reply.status === 409, what).toBe(
        true,
      );
    }
    if (attempt.status !== undefined && earlier === undefined)
      expect(reply.status, what).toBe(attempt.status);
    return;
  }
  expect(attempt.outcome, what).not.toBe("rejected");
  expect(id, what).toBeDefined();
  if (reply.status === 201) {
    expect(earlier, `${what}\nstored twice`).toBeUndefined();
    expect(after, what).toBe(before + 1);
    const stored = await parallax.store.db
      .selectFrom("responses")
      .select(["answers", "status"])
      .where("id", "=", id as string)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.answers), what).toEqual(
      (JSON.parse(attempt.payload) as { answers: unknown }).answers,
    );
    expect(JSON.parse(reply.body), what).toEqual({ id, status: stored.status });
    ledger.accepted.set(id as string, { payload: attempt.payload, canonical: canonical as string });
    return;
  }
  expect(reply.status, what).toBe(200);
  expect(after, what).toBe(before);
  expect(earlier?.canonical, `${what}\na 200 for a body never stored`).toBe(canonical);
}

async function fuzz(parallax: ParallaxInstance, ledger: Ledger, send: Send, seed: number, numRuns: number) {
  const tally: Tally = { payloads: 0, byKind: new Map(), byStatus: new Map(), msByKind: new Map() };
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(plans, (plan) => sendAndCheck(parallax, ledger, plan, send, tally)),
    // The server keeps state between runs, so a failure is reported as found rather than shrunk.
    { seed, numRuns, endOnFailure: true },
  );
  const seconds = (performance.now() - started) / 1000;
  const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  const slowest = [...tally.msByKind].sort(([, a], [, b]) => b - a).slice(0, 5);
  console.log(
    `slowest kinds: ${slowest.map(([kind, ms]) => `${kind} ${(ms / 1000).toFixed(1)} s`).join(", ")}`,
  );
  console.log(`${tally.payloads} payloads in ${seconds.toFixed(1)} s; statuses ${statuses.join(", ")}`);
  return tally;
}

async function expectTableHoldsExactlyTheAccepted(parallax: ParallaxInstance, ledger: Ledger) {
  const stored = await parallax.store.db.selectFrom("responses").select("id").execute();
  expect(stored.map((row) => row.id).sort()).toEqual([...ledger.accepted.keys()].sort());
}

const runsFor = {
  sqlite: { inject: 10_000, http: 600 },
  postgres: { inject: 2_000, http: 200 },
};

for (const { dialect, skip } of dialects) {
  describe.skipIf(skip)(`the submission endpoint under generated payloads on ${dialect}`, () => {
    let parallax: ParallaxInstance;
    let database: TestDatabase;
    let origin: string;
    const ledger: Ledger = { accepted: new Map(), version: "" };

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      parallax = await openParallax({
        db: database.url,
        studies: [await readStudyFolder("test/fixtures/studies/mini")],
        webRoot: await ensureWebBuilt(() => {}),
        now: () => new Date("2025-05-15T12:00:00Z"),
        submissionRateLimit: 1_000_000,
      });
      origin = await parallax.app.listen({ port: 0, host: "127.0.0.1" });
      const reply = await parallax.app.inject({
        url: "/api/v1/studies/mini/populations/adults/questionnaire",
      });
      ledger.version = (JSON.parse(reply.body) as { version: string }).version;
    });
    afterAll(async () => {
      await parallax.close();
      await database.drop();
    });

    it(`answers ${runsFor[dialect].inject} injected payloads without a 5xx, storing only what it accepts`, async () => {
      const tally = await fuzz(parallax, ledger, injectVia(parallax), 20250503, runsFor[dialect].inject);
      expect(tally.payloads).toBe(runsFor[dialect].inject);
      // The generator must reach every kind of payload and both verdicts, or the test proves little.
      expect(tally.byKind.size).toBeGreaterThanOrEqual(20);
      expect(tally.byStatus.get(201) ?? 0).toBeGreaterThan(runsFor[dialect].inject / 20);
      expect(tally.byStatus.get(200) ?? 0).toBeGreaterThan(runsFor[dialect].inject / 40);
      for (const status of [400, 404, 409, 413, 415, 422])
        expect(tally.byStatus.get(status) ?? 0).toBeGreaterThan(0);
      await expectTableHoldsExactlyTheAccepted(parallax, ledger);
    }, 600_000);

    it(`answers ${runsFor[dialect].http} payloads over real HTTP the same way`, async () => {
      const tally = await fuzz(parallax, ledger, httpVia(origin), 20250504, runsFor[dialect].http);
      expect(tally.byStatus.get(201) ?? 0).toBeGreaterThan(0);
      await expectTableHoldsExactlyTheAccepted(parallax, ledger);
    }, 600_000);
  });
}
