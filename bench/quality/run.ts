/**
 * Quality screening time on the demo's simulated fieldwork (seed 1: 6,669 stored responses, 5,472 valid after
 * screening): every response rule and the interviewer checks, as `parallax quality` runs them. The simulation is
 * not timed. Prints the median of the runs (wall and CPU) and, as a baseline run in the same process, the time to
 * JSON-serialise the same responses once, so a ratio survives the shared machine's noise.
 * Run: npx tsx bench/quality/run.ts [runs]
 */
import { readQualityConfig } from "../../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { runScreen, validResponses } from "../../src/quality/index.ts";
import { defaultFaultShares, simulateFieldwork } from "../../src/simulate/simulateFieldwork.ts";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 7);
  const study = await readStudyFolder("examples/china-lac");
  const quality = await readQualityConfig(study.directory);
  const { responses } = simulateFieldwork(study, {
    seed: 1,
    quality,
    faults: defaultFaultShares,
    fabricatingInterviewers: 2,
    exact: true,
  });
  const wall: number[] = [];
  const cpu: number[] = [];
  const baseline: number[] = [];
  let valid = 0;
  let flags = 0;
  for (let run = 0; run < runs; run++) {
    const startedBaseline = performance.now();
    JSON.stringify(responses);
    baseline.push(performance.now() - startedBaseline);
    const usage = process.cpuUsage();
    const started = performance.now();
    const result = runScreen(study, responses, quality);
    valid = validResponses(responses, result.flags).length;
    wall.push(performance.now() - started);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
    flags = result.flags.length;
  }
  process.stdout.write(
    `screening ${responses.length} responses (${flags} flags, ${valid} valid), median of ${runs} runs:\n` +
      `  wall ${median(wall).toFixed(0)} ms, CPU ${median(cpu).toFixed(0)} ms` +
      ` (first run ${wall[0].toFixed(0)} ms, including JIT warm-up)\n` +
      `  baseline (JSON.stringify of the same responses) ${median(baseline).toFixed(0)} ms;` +
      ` screening / baseline ${(median(wall) / median(baseline)).toFixed(1)}\n`,
  );
}

await main();
