import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/store/openDatabase.ts";
import { responseRepository, type StoredResponse } from "../src/store/responseRepository.ts";
import { completeAnswers } from "./support/quotaAnswers.ts";
import { type ServeProcess, startServeProcess } from "./support/serveProcess.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/stores.ts";

const clients = 8;
/** The server is killed once this many submissions were acknowledged, while the other clients wait on theirs. */
const acknowledgementsBeforeKill = 200;

type Outcome = { id: string; acknowledged: true } | { id: string; acknowledged: false; reason: string };

function bodyOf(id: string, index: number): string {
  // Each response's answers differ, so a row stored under the wrong id or with another's answers shows.
  return JSON.stringify({ id, language: "es", mode: "web", answers: answersOf(index) });
}

function answersOf(index: number) {
  return completeAnswers(index % 2 === 0 ? "mx" : "ar", 18 + (index % 53));
}

async function post(origin: string, body: string): Promise<Response> {
  return fetch(`${origin}/api/v1/studies/mini/populations/adults/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(10_000),
  });
}

/**
 * Several closed-loop clients submit until the server dies under them; every id sent is recorded with
 * whether a 2xx acknowledged it.
 */
async function submitUntilKilled(server: ServeProcess) {
  const sent = new Map<string, number>();
  const outcomes: Outcome[] = [];
  let acknowledged = 0;
  let killing: Promise<void> | undefined;
  // Clients keep sending until the process is gone, not merely until the kill is asked for.
  let dead = false;
  server.child.once("exit", () => {
    dead = true;
  });
  const client = async () => {
    while (!dead) {
      const id = randomUUID();
      const index = sent.size;
      sent.set(id, index);
      try {
        const reply = await post(server.origin, bodyOf(id, index));
        await reply.arrayBuffer();
        if (reply.status >= 200 && reply.status < 300) {
          outcomes.push({ id, acknowledged: true });
          acknowledged += 1;
          if (acknowledged >= acknowledgementsBeforeKill && !killing) killing = server.stop("SIGKILL");
        } else {
          outcomes.push({ id, acknowledged: false, reason: `HTTP ${reply.status}` });
        }
      } catch (error) {
        outcomes.push({ id, acknowledged: false, reason: String((error as Error).cause ?? error) });
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  await killing;
  return { sent, outcomes };
}

function storedById(responses: StoredResponse[]): Map<string, StoredResponse[]> {
  const byId = new Map<string, StoredResponse[]>();
  for (const response of responses) byId.set(response.id, [...(byId.get(response.id) ?? []), response]);
  return byId;
}

// The two dialects run side by side: most of each test is starting `parallax serve` twice.
describe.concurrent("crash safety", () => {
  for (const { dialect, skip } of dialects) {
    it.skipIf(skip)(
      `on ${dialect}: every acknowledged submission survives a SIGKILL, and each retried one is stored once`,
      async () => {
        const database = await createTestDatabase(dialect);
        const servers: ServeProcess[] = [];
        try {
          await killAndRestart(dialect, database, servers);
        } finally {
          for (const server of servers) await server.stop("SIGKILL");
          await database.drop();
        }
      },
    );
  }
});

async function killAndRestart(dialect: string, database: TestDatabase, servers: ServeProcess[]) {
  const args = [
    "--db",
    database.url,
    "--study",
    "test/fixtures/studies/mini",
    "--submission-rate-limit",
    "1000000",
  ];
  const first = await startServeProcess(args);
  servers.push(first);
  const { sent, outcomes } = await submitUntilKilled(first);
  expect(first.child.signalCode).toBe("SIGKILL");

  const acknowledged = outcomes.filter((outcome) => outcome.acknowledged).map((outcome) => outcome.id);
  const unacknowledged = outcomes.filter((outcome) => !outcome.acknowledged);
  expect(acknowledged.length).toBeGreaterThanOrEqual(acknowledgementsBeforeKill);
  // Only the requests cut off by the kill may fail: a refusal (4xx, 5xx) before it would be a defect.
  expect(unacknowledged.filter((outcome) => outcome.reason.startsWith("HTTP"))).toEqual([]);
  // The kill came mid-stream: other clients were waiting on their replies.
  expect(unacknowledged.length).toBeGreaterThan(0);

  const second = await startServeProcess(args);
  servers.push(second);
  const store = await openDatabase(database.url);
  try {
    const afterCrash = storedById(await responseRepository(store.db).list("mini"));
    const missing = acknowledged.filter((id) => afterCrash.get(id)?.length !== 1);
    expect(missing).toEqual([]);
    for (const id of acknowledged) {
      expect(afterCrash.get(id)?.[0]).toMatchObject({
        status: "complete",
        answers: answersOf(sent.get(id) ?? -1),
      });
    }
    for (const id of afterCrash.keys()) expect(sent.has(id)).toBe(true);

    const retries = await Promise.all(
      unacknowledged.map(async ({ id }) => {
        const reply = await post(second.origin, bodyOf(id, sent.get(id) ?? -1));
        return { id, status: reply.status, body: (await reply.json()) as { id: string; status: string } };
      }),
    );
    for (const retry of retries) {
      // 201 when the crash lost the request, 200 when it was stored but the reply never left.
      expect([200, 201]).toContain(retry.status);
      expect(retry.body).toEqual({ id: retry.id, status: "complete" });
    }
    const replayed = await post(second.origin, bodyOf(acknowledged[0], sent.get(acknowledged[0]) ?? -1));
    expect(replayed.status).toBe(200);

    const afterRetry = storedById(await responseRepository(store.db).list("mini"));
    expect(afterRetry.size).toBe(sent.size);
    for (const [id, index] of sent) {
      expect(afterRetry.get(id)).toHaveLength(1);
      expect(afterRetry.get(id)?.[0].answers).toEqual(answersOf(index));
    }
    console.info(
      `crash safety on ${dialect}: ${sent.size} sent, ${acknowledged.length} acknowledged and all ` +
        `${acknowledged.length - missing.length} found after SIGKILL; ${unacknowledged.length} cut off, ` +
        `${retries.filter((retry) => retry.status === 200).length} of them already stored; ` +
        `${afterRetry.size} stored once each after the retries`,
    );
  } finally {
    await store.close();
  }
}
