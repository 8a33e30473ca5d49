/**
 * Ingest benchmark (issue 3, item 10): validated submissions per second and p50/p99 latency for the demo
 * study's `lac` questionnaire, posted over HTTP on loopback to separate `parallax serve` processes — SQLite
 * with one instance, PostgreSQL with one and with three. Every request is a new respondent (a fresh UUID)
 * with complete, valid answers; only `201 complete` replies count. A closed-loop generator in worker threads
 * keeps a fixed number of requests in flight, spread evenly over the instances.
 *
 *   node --import tsx bench/ingest/run.ts [--runs 3] [--seconds 10] [--warmup 5] [--concurrency 32]
 *                                         [--workers 1] [--configs sqlite,pg1,pg3] [--generator auto|wrk|node]
 *
 * The load comes from wrk when it is installed (`apt-get install wrk`; it leaves the server more of the two
 * cores), else from the Node generator in worker threads. After each configuration the stored rows are counted:
 * every acknowledged submission must be there as `complete`.
 *
 * PostgreSQL comes from $PARALLAX_TEST_POSTGRES (default postgres://postgres@127.0.0.1:5432/test); the
 * benchmark creates and drops its own databases. Targets: ≥ 3,000/s on SQLite with p99 < 50 ms on a 2-core
 * machine; PostgreSQL with three instances no slower than with one.
 */

import { openDatabase } from "../../src/store/openDatabase.ts";
import { responseRepository } from "../../src/store/responseRepository.ts";
import { answerPool, populationId, studyDirectory, studyId } from "./answerPool.ts";
import { generateLoad, type LoadResult } from "./loadGenerator.ts";
import { type LoadSample, sampleMachineLoad } from "./machineLoad.ts";
import { createBenchDatabase, type ServeInstance, startServe } from "./serveInstances.ts";
import { generateLoadWithWrk, wrkAvailable } from "./wrkGenerator.ts";

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
};
const runs = Number(option("--runs", "3"));
const measureMs = Number(option("--seconds", "10")) * 1000;
const warmupMs = Number(option("--warmup", "5")) * 1000;
const concurrency = Number(option("--concurrency", "32"));
const workers = Number(option("--workers", "1"));
const configNames = option("--configs", "sqlite,pg1,pg3").split(",");
const generatorChoice = option("--generator", "auto");
const useWrk = generatorChoice === "wrk" || (generatorChoice === "auto" && wrkAvailable());

const configurations = {
  sqlite: { label: "SQLite, 1 instance", dialect: "sqlite", instances: 1 },
  pg1: { label: "PostgreSQL, 1 instance", dialect: "postgres", instances: 1 },
  pg3: { label: "PostgreSQL, 3 instances", dialect: "postgres", instances: 3 },
} as const;
type ConfigName = keyof typeof configurations;

interface Measured extends LoadResult {
  load: LoadSample;
}

const path = `/api/v1/studies/${studyId}/populations/${populationId}/responses`;
const log = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function checkOneSubmission(origin: string, template: string): Promise<void> {
  const body = template.replace('"id":""', `"id":"${crypto.randomUUID()}"`);
  const reply = await fetch(`${origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const text = await reply.text();
  if (reply.status !== 201 || !text.includes('"status":"complete"')) {
    throw new Error(`a generated submission was not accepted as complete: ${reply.status} ${text}`);
  }
}

/** Every acknowledged submission (plus one check per instance, and any sent during warm-ups) is stored complete. */
async function checkStored(url: string, acknowledged: number): Promise<void> {
  const store = await openDatabase(url);
  try {
    const counts = await responseRepository(store.db).countBySite(studyId);
    const byStatus = new Map<string, number>();
    for (const count of counts) byStatus.set(count.status, (byStatus.get(count.status) ?? 0) + count.count);
    const complete = byStatus.get("complete") ?? 0;
    const others = [...byStatus].filter(([status]) => status !== "complete");
    log(
      `  stored: ${complete} complete for ${acknowledged} acknowledged in the measured windows` +
        (others.length ? `; also ${others.map(([status, count]) => `${count} ${status}`).join(", ")}` : ""),
    );
    if (complete < acknowledged || others.length > 0)
      throw new Error("stored responses do not match the replies");
  } finally {
    await store.close();
  }
}

interface Prepared {
  name: ConfigName;
  url: string;
  instances: ServeInstance[];
  results: Measured[];
  drop(): Promise<void>;
}

async function prepare(name: ConfigName): Promise<Prepared> {
  const config = configurations[name];
  const database = await createBenchDatabase(config.dialect);
  const args = ["--db", database.url, "--study", studyDirectory, "--open-fieldwork"];
  args.push("--submission-rate-limit", "1000000000");
  const prepared: Prepared = { name, url: database.url, instances: [], results: [], drop: database.drop };
  // One at a time: the first runs the migrations, the others find them done.
  for (let index = 0; index < config.instances; index++) prepared.instances.push(await startServe(args));
  for (const instance of prepared.instances) await checkOneSubmission(instance.origin, bodies[0]);
  return prepared;
}

function load(prepared: Prepared, warmup: number, measure: number) {
  return (useWrk ? generateLoadWithWrk : generateLoad)({
    origins: prepared.instances.map((instance) => instance.origin),
    path,
    bodies,
    concurrency,
    workers,
    warmupMs: warmup,
    measureMs: measure,
  });
}

async function measureOnce(prepared: Prepared, run: number): Promise<void> {
  const sampler = sampleMachineLoad(prepared.instances.map((instance) => instance.pid));
  const result = await load(prepared, 1000, measureMs);
  const machine = sampler.stop();
  prepared.results.push({ ...result, load: machine });
  const failed = Object.entries(result.failures).map(([reason, count]) => `${reason} ×${count}`);
  const cpuPerSubmission = (1000 * machine.serverCores) / result.perSecond;
  log(
    `  ${configurations[prepared.name].label} run ${run}: ${Math.round(result.perSecond)}/s, ` +
      `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; ` +
      `machine ${machine.machineBusyPercent.toFixed(0)}% busy, load avg ${machine.loadAverage.toFixed(2)}; ` +
      `servers ${machine.serverCores.toFixed(2)} cores, ${cpuPerSubmission.toFixed(2)} ms CPU per submission` +
      (failed.length ? `; failures: ${failed.join(", ")}` : ""),
  );
}

const { bodies, bytes } = await answerPool(400, 20250501);
log(
  `ingest benchmark: ${studyId}/${populationId}, ${bodies.length} distinct valid answer sets (~${Math.round(bytes)} bytes each), ` +
    `${concurrency} in flight from ${useWrk ? "wrk" : `${workers} Node worker thread(s)`}, ${runs} runs of ${measureMs / 1000} s`,
);
for (const name of configNames) {
  if (!(name in configurations)) throw new Error(`unknown configuration ${name}: use sqlite, pg1, pg3`);
}
const prepared: Prepared[] = [];
const medians = new Map<ConfigName, { perSecond: number; p50: number; p99: number }>();
try {
  for (const name of configNames) prepared.push(await prepare(name as ConfigName));
  // Each process compiles its hot code on its own: three instances each see a third of the warm-up load.
  for (const each of prepared) await load(each, 0, warmupMs * each.instances.length);
  // Runs alternate between configurations, so a change in the machine's other load hits them all alike.
  for (let run = 1; run <= runs; run++) for (const each of prepared) await measureOnce(each, run);
  for (const each of prepared) {
    await checkStored(
      each.url,
      each.results.reduce((sum, result) => sum + result.accepted, 0),
    );
    medians.set(each.name, {
      perSecond: median(each.results.map((result) => result.perSecond)),
      p50: median(each.results.map((result) => result.p50)),
      p99: median(each.results.map((result) => result.p99)),
    });
  }
} finally {
  for (const each of prepared) {
    await Promise.all(each.instances.map((instance) => instance.stop()));
    await each.drop();
  }
}

log("\nmedians over runs:");
for (const [name, result] of medians) {
  log(
    `  ${configurations[name].label.padEnd(24)} ${String(Math.round(result.perSecond)).padStart(6)}/s` +
      `   p50 ${result.p50.toFixed(1).padStart(6)} ms   p99 ${result.p99.toFixed(1).padStart(6)} ms`,
  );
}
const sqlite = medians.get("sqlite");
if (sqlite) {
  const met = sqlite.perSecond >= 3000 && sqlite.p99 < 50;
  log(`  SQLite target (≥ 3,000/s, p99 < 50 ms): ${met ? "met" : "missed"}`);
}
const pg1 = medians.get("pg1");
const pg3 = medians.get("pg3");
if (pg1 && pg3) {
  const ratio = pg3.perSecond / pg1.perSecond;
  log(`  PostgreSQL 3 instances / 1 instance: ${ratio.toFixed(2)} (${ratio >= 1 ? "no slower" : "slower"})`);
}
