import { Worker } from "node:worker_threads";
import { type ErrorCode, ParallaxError } from "../errors.ts";
import type { StoredScreenInput, StoredScreenOutput } from "./storedScreenWorker.ts";

// Plain JavaScript evaluated in the thread: it registers tsx there (the sources are TypeScript, and a thread
// does not inherit the loader the CLI registered), then runs storedScreenWorker.ts. Errors travel as data so a
// ParallaxError keeps its code and details.
const bootstrap = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.tsx)
  .then((tsx) => {
    tsx.register();
    return import(workerData.module);
  })
  .then((worker) => worker.screenStoredPopulations(workerData.input))
  .then(
    (result) => parentPort.postMessage({ result }),
    (error) => parentPort.postMessage({ error: { code: error && error.code, message: String(error && error.message || error), details: error && error.details } }),
  );
`;

export interface ScreenInWorker {
  result: Promise<StoredScreenOutput>;
  /** Stops the thread if it still runs (the caller failed or no longer needs its screen). */
  stop(): Promise<void>;
}

/** Screens some populations' stored responses on a second thread, which reads them from the store itself. */
export function screenInWorker(input: StoredScreenInput): ScreenInWorker {
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: {
      tsx: import.meta.resolve("tsx/esm/api"),
      module: new URL("./storedScreenWorker.ts", import.meta.url).href,
      input,
    },
  });
  const result = new Promise<StoredScreenOutput>((resolve, reject) => {
    worker.once("message", (message: WorkerReply) => {
      if (message.result) resolve(message.result);
      else reject(replyError(message.error));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the screening thread stopped (exit code ${code})`)));
  });
  // Rejections are read by whoever awaits `result`; one nobody awaits (after stop) must not end the process.
  result.catch(() => undefined);
  return {
    result,
    stop: async () => {
      await worker.terminate();
    },
  };
}

interface WorkerReply {
  result?: StoredScreenOutput;
  error?: { code?: string; message: string; details?: ParallaxError["details"] };
}

function replyError(error: WorkerReply["error"]): Error {
  if (error?.code && Array.isArray(error.details))
    return new ParallaxError(error.code as ErrorCode, error.message, error.details);
  return new Error(`the screening thread failed: ${error?.message ?? "no reason given"}`);
}
