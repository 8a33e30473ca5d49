import { Worker } from "node:worker_threads";
import type { LoadWorkerInput, LoadWorkerResult } from "./loadWorker.ts";

export interface LoadOptions {
  origins: string[];
  path: string;
  bodies: string[];
  /** Requests in flight at every moment, over all workers. */
  concurrency: number;
  workers: number;
  warmupMs: number;
  measureMs: number;
}

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  accepted: number;
  failures: Record<string, number>;
}

const tsxApi = import.meta.resolve("tsx/esm/api");
const workerModule = new URL("./loadWorker.ts", import.meta.url).href;

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function runWorker(input: LoadWorkerInput): Promise<LoadWorkerResult> {
  return new Promise((resolve, reject) => {
    // Node 20 does not hand the parent's tsx hooks to a worker thread: the worker registers tsx itself.
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); })`;
    const worker = new Worker(bootstrap, { eval: true, workerData: input });
    worker.once("message", (result: LoadWorkerResult) => resolve(result));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

/** Drives the origins with a fixed number of requests in flight, from a pool of worker threads. */
export async function generateLoad(options: LoadOptions): Promise<LoadResult> {
  const workers = Math.max(1, Math.min(options.workers, options.concurrency));
  const results = await Promise.all(
    Array.from({ length: workers }, (_, workerIndex) =>
      runWorker({
        origins: options.origins,
        path: options.path,
        bodies: options.bodies,
        warmupMs: options.warmupMs,
        measureMs: options.measureMs,
        workerIndex,
        concurrency:
          Math.floor(options.concurrency / workers) + (workerIndex < options.concurrency % workers ? 1 : 0),
      }),
    ),
  );
  const accepted = results.reduce((sum, result) => sum + result.accepted, 0);
  const latencies = new Float64Array(accepted);
  let offset = 0;
  const failures: Record<string, number> = {};
  for (const result of results) {
    latencies.set(result.latencies, offset);
    offset += result.latencies.length;
    for (const [reason, count] of Object.entries(result.failures)) {
      failures[reason] = (failures[reason] ?? 0) + count;
    }
  }
  latencies.sort();
  return {
    perSecond: accepted / (options.measureMs / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    accepted,
    failures,
  };
}
