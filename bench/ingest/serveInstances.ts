import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { packageRoot } from "../../src/files/packageRoot.ts";

export const postgresAdminUrl =
  process.env.PARALLAX_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** An empty SQLite file in a temporary folder, or a new PostgreSQL database beside the test one. */
export async function createBenchDatabase(dialect: "sqlite" | "postgres"): Promise<BenchDatabase> {
  if (dialect === "sqlite") {
    const directory = mkdtempSync(join(tmpdir(), "parallax-ingest-"));
    return {
      url: join(directory, "bench.db"),
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  const name = `parallax_bench_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgresAdminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface ServeInstance {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Arguments for Node itself, e.g. `--cpu-prof` (the profile is written when the server exits on SIGTERM). */
  nodeArgs?: string[];
  /** The checkout whose `bin/parallax.js` runs: this one unless comparing against another. */
  checkout?: string;
}

/** Starts one `parallax serve` process on a free loopback port and waits until it listens. */
export function startServe(args: string[], options: ServeOptions = {}): Promise<ServeInstance> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "bin/parallax.js", "serve", "--port", "0", "--host", "127.0.0.1", ...args],
    { cwd: options.checkout ?? packageRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      // Keep draining so a chatty server never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({
        origin: match[1],
        pid: child.pid ?? 0,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          await exited;
        },
      });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${output}`));
    });
  });
}
