import { spawn, spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LoadOptions, LoadResult } from "./loadGenerator.ts";

/** True when `wrk` is on the PATH: it costs the 2-core machine far less CPU per request than a Node client. */
export function wrkAvailable(): boolean {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

function luaLongString(text: string): string {
  let level = "=";
  while (text.includes(`]${level}]`)) level += "=";
  return `[${level}[${text}]${level}]`;
}

/**
 * The wrk script: one thread per instance (wrk's `thread.addr`), a fresh UUID per request built from a random
 * per-process prefix and a per-thread counter, and at the end a JSON line with the counts and every distinct
 * latency with how often it was seen, so the caller computes p50 and p99 itself.
 */
function wrkScript(options: LoadOptions, ports: number[]): string {
  const prefix = randomInt(2 ** 32)
    .toString(16)
    .padStart(8, "0");
  return `
local bodies = { ${options.bodies.map(luaLongString).join(",\n")} }
local ports = { ${ports.join(", ")} }
local headers = { ["Content-Type"] = "application/json" }
local threads = 0
function setup(thread)
  threads = threads + 1
  thread.addr = wrk.lookup("127.0.0.1", tostring(ports[((threads - 1) % #ports) + 1]))[1]
  thread:set("thread_id", threads)
end
local sent = 0
function request()
  sent = sent + 1
  local id = string.format("${prefix}-%04x-4000-8000-%012x", thread_id, sent)
  local body = bodies[(sent % #bodies) + 1]:gsub('"id":""', '"id":"' .. id .. '"', 1)
  return wrk.format("POST", "${options.path}", headers, body)
end
function done(summary, latency, requests)
  local e = summary.errors
  local parts = {}
  for i = 1, #latency do
    local value, count = latency(i)
    parts[#parts + 1] = string.format("[%d,%d]", value, count)
  end
  io.write(string.format('\\nWRK-RESULT {"requests":%d,"duration":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"latency":[%s]}\\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout, table.concat(parts, ",")))
end
`;
}

interface WrkResult {
  requests: number;
  duration: number;
  status: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  latency: Array<[number, number]>;
}

function runWrk(script: string, origin: string, threads: number, connections: number, ms: number) {
  return new Promise<WrkResult>((resolve, reject) => {
    const args = [`-t${threads}`, `-c${connections}`, `-d${Math.round(ms / 1000)}s`, "--timeout", "10s"];
    const child = spawn("wrk", [...args, "-s", script, origin], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", () => {
      const line = /WRK-RESULT (.*)/.exec(output);
      if (!line) reject(new Error(`wrk gave no result:\n${output}`));
      else resolve(JSON.parse(line[1]) as WrkResult);
    });
  });
}

function percentile(histogram: Array<[number, number]>, total: number, fraction: number): number {
  const rank = Math.ceil(fraction * total);
  let seen = 0;
  for (const [value, count] of histogram) {
    seen += count;
    if (seen >= rank) return value / 1000;
  }
  return Number.NaN;
}

/** The same closed loop as generateLoad, driven by wrk: a warm-up run, then the measured run. */
export async function generateLoadWithWrk(options: LoadOptions): Promise<LoadResult> {
  const ports = options.origins.map((origin) => Number(new URL(origin).port));
  const threads = ports.length;
  const connections = Math.max(threads, Math.round(options.concurrency / threads) * threads);
  const directory = mkdtempSync(join(tmpdir(), "parallax-wrk-"));
  try {
    const warmupScript = join(directory, "warmup.lua");
    const script = join(directory, "measure.lua");
    writeFileSync(warmupScript, wrkScript(options, ports));
    writeFileSync(script, wrkScript(options, ports));
    if (options.warmupMs > 0) {
      await runWrk(warmupScript, options.origins[0], threads, connections, Math.max(1000, options.warmupMs));
    }
    const result = await runWrk(script, options.origins[0], threads, connections, options.measureMs);
    const failures: Record<string, number> = {};
    for (const reason of ["status", "connect", "read", "write", "timeout"] as const) {
      if (result[reason] > 0) failures[reason === "status" ? "HTTP ≥ 400" : reason] = result[reason];
    }
    const accepted = result.requests - result.status;
    const histogram = result.latency.sort((a, b) => a[0] - b[0]);
    const total = histogram.reduce((sum, [, count]) => sum + count, 0);
    return {
      perSecond: accepted / (result.duration / 1e6),
      p50: percentile(histogram, total, 0.5),
      p99: percentile(histogram, total, 0.99),
      accepted,
      failures,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
