import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the background connection copies the write-ahead log back into the database file. */
const checkpointEveryMs = 250;

// Plain JavaScript evaluated in the worker, so it needs no TypeScript loader there.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const database = new Database(workerData.file, { fileMustExist: true });
database.pragma("busy_timeout = 1000");
const checkpoint = () => {
  try {
    database.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy with another checkpoint: the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  database.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Runs SQLite's WAL checkpoints on a worker thread with its own connection. A checkpoint ends in an fsync of
 * the database file; run by the connection that commits (SQLite's default), it stalls every request on the
 * server's one thread for milliseconds each time. The serving connection turns its automatic checkpoint down to
 * a rare fallback, so the log stays bounded even if this thread falls behind.
 */
export function startCheckpointer(file: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { file, driver, everyMs: checkpointEveryMs },
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  // A failed checkpointer only means the serving connection checkpoints by itself again.
  worker.on("error", () => undefined);
  worker.unref();
  return {
    stop: async () => {
      // Unreferenced, the worker would let the process end before it has closed its connection.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
