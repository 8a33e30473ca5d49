/**
 * A closed-loop load generator for one worker thread: `concurrency` connections each send a submission, wait
 * for its reply, and send the next. Only replies that arrive inside the measuring window (after the warm-up)
 * count. Started by loadGenerator.ts.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export interface LoadWorkerInput {
  origins: string[];
  path: string;
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  bodies: string[];
  /** This worker's place among the others, so workers spread their connections over the origins. */
  workerIndex: number;
}

export interface LoadWorkerResult {
  /** 201 replies saying the response was stored as complete. */
  accepted: number;
  /** Everything else, by HTTP status or error name. */
  failures: Record<string, number>;
  /** Milliseconds from send to full reply, for each accepted submission in the window. */
  latencies: Float64Array;
  measuredMs: number;
}

const input = workerData as LoadWorkerInput;

function send(agent: http.Agent, origin: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        path: input.path,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (reply) => {
        let text = "";
        reply.setEncoding("utf8");
        reply.on("data", (chunk: string) => {
          text += chunk;
        });
        reply.on("end", () => resolve({ status: reply.statusCode ?? 0, text }));
        reply.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function run(): Promise<LoadWorkerResult> {
  const origins = input.origins.map((origin) => new URL(origin));
  const agents = origins.map(() => new http.Agent({ keepAlive: true, maxSockets: input.concurrency }));
  const start = performance.now();
  const measureFrom = start + input.warmupMs;
  const measureUntil = measureFrom + input.measureMs;
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let sent = 0;

  const connection = async (slot: number) => {
    const target = (slot + input.workerIndex) % origins.length;
    while (performance.now() < measureUntil) {
      const template = input.bodies[sent++ % input.bodies.length];
      const body = template.replace('"id":""', `"id":"${randomUUID()}"`);
      const began = performance.now();
      let outcome: string;
      try {
        const reply = await send(agents[target], origins[target], body);
        outcome =
          reply.status === 201 && reply.text.includes('"status":"complete"') ? "ok" : `HTTP ${reply.status}`;
      } catch (error) {
        outcome = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.name) : "error";
      }
      const ended = performance.now();
      if (ended < measureFrom || ended > measureUntil) continue;
      if (outcome === "ok") latencies.push(ended - began);
      else failures[outcome] = (failures[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, (_, slot) => connection(slot)));
  for (const agent of agents) agent.destroy();
  return {
    accepted: latencies.length,
    failures,
    latencies: Float64Array.from(latencies),
    measuredMs: input.measureMs,
  };
}

parentPort?.postMessage(await run());
