/**
 * A/B comparison of the submission route's CPU cost: one SQLite `parallax serve` from a baseline checkout and
 * one from this checkout, loaded in turn (A, B, A, B, …) so the shared machine's other load hits both alike.
 * Prints each round's CPU milliseconds per accepted submission and the median ratio. Make a baseline with
 * `git archive <commit> | tar -x -C DIR` and symlink `node_modules` and `dist` into it.
 *
 *   node --import tsx bench/ingest/compare.ts --baseline DIR [--rounds 5] [--seconds 5] [--concurrency 32]
 */
import { packageRoot } from "../../src/files/packageRoot.ts";
import { answerPool, populationId, studyDirectory, studyId } from "./answerPool.ts";
import { generateLoad } from "./loadGenerator.ts";
import { sampleMachineLoad } from "./machineLoad.ts";
import { createBenchDatabase, type ServeInstance, startServe } from "./serveInstances.ts";

const argv = process.argv.slice(2);
const option = (name: string, fallback?: string) => {
  const at = argv.indexOf(name);
  const value = at >= 0 ? argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const baseline = option("--baseline");
const rounds = Number(option("--rounds", "5"));
const seconds = Number(option("--seconds", "5"));
const concurrency = Number(option("--concurrency", "32"));
const log = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { bodies } = await answerPool(400, 20250501);
const path = `/api/v1/studies/${studyId}/populations/${populationId}/responses`;
const sides = [
  { label: "baseline", checkout: baseline, cpuMs: [] as number[], rates: [] as number[] },
  { label: "this checkout", checkout: packageRoot, cpuMs: [] as number[], rates: [] as number[] },
];
const databases = await Promise.all(sides.map(() => createBenchDatabase("sqlite")));
const instances: ServeInstance[] = [];
try {
  for (const [index, side] of sides.entries()) {
    const args = ["--db", databases[index].url, "--study", studyDirectory, "--open-fieldwork"];
    instances.push(
      await startServe([...args, "--submission-rate-limit", "1000000000"], { checkout: side.checkout }),
    );
  }
  const load = (instance: ServeInstance, measureMs: number) =>
    generateLoad({
      origins: [instance.origin],
      path,
      bodies,
      concurrency,
      workers: 1,
      warmupMs: 0,
      measureMs,
    });
  for (const instance of instances) await load(instance, 5000);
  for (let round = 1; round <= rounds; round++) {
    const line: string[] = [];
    for (const [index, side] of sides.entries()) {
      const sampler = sampleMachineLoad([instances[index].pid]);
      const result = await load(instances[index], seconds * 1000);
      const machine = sampler.stop();
      const cpuMs = (1000 * machine.serverCores) / result.perSecond;
      side.cpuMs.push(cpuMs);
      side.rates.push(result.perSecond);
      line.push(
        `${side.label} ${Math.round(result.perSecond)}/s ${cpuMs.toFixed(3)} ms CPU (load avg ${machine.loadAverage.toFixed(1)})`,
      );
    }
    log(`round ${round}: ${line.join("; ")}`);
  }
} finally {
  await Promise.all(instances.map((instance) => instance.stop()));
  await Promise.all(databases.map((database) => database.drop()));
}
const [before, after] = sides.map((side) => median(side.cpuMs));
log(
  `median CPU per submission: baseline ${before.toFixed(3)} ms, this checkout ${after.toFixed(3)} ms ` +
    `(ratio ${(after / before).toFixed(2)}); median rates ${Math.round(median(sides[0].rates))}/s vs ${Math.round(median(sides[1].rates))}/s`,
);
