/**
 * Report generation time on about a million simulated responses of the demo study, against the demo's own
 * 6,669 stored (5,472 valid) in the same process. The base is the simulator at `--base` times the article's
 * counts (not exact: exact mode re-screens until verdicts agree), grown to `--copies` times by seeded
 * replication (see replicateResponses); neither is timed. Both are handed over as the store returns responses
 * (answers and paradata parsed from JSON, see asReadFromStore); `--built` times the simulator's objects instead. Each run times what `parallax report` does once the
 * responses are loaded: screen, code, weight, estimate and render the HTML.
 * Run: node --max-old-space-size=16000 --import tsx bench/report/million.ts [--base 10] [--copies 15] [--runs 2] [--lang en] [--built]
 */
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { readOpenCodebooks } from "../../src/cli/reportFiles.ts";
import { readQualityConfig } from "../../src/files/readQualityConfig.ts";
import { readStudyFolder } from "../../src/files/readStudyFolder.ts";
import { readWeighting } from "../../src/files/readWeighting.ts";
import type { ScreenedResponse } from "../../src/quality/types.ts";
import { defaultFaultShares, simulateFieldwork } from "../../src/simulate/simulateFieldwork.ts";
import { createJieba } from "../../src/text/createJieba.ts";
import { asReadFromStore } from "./asReadFromStore.ts";
import { scaledFieldwork } from "./scaledFieldwork.ts";
import { median, type ReportBenchInputs, type ReportTiming, reportPhases, timeReport } from "./timeReport.ts";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: "10" },
    copies: { type: "string", default: "15" },
    runs: { type: "string", default: "2" },
    lang: { type: "string", default: "en" },
    built: { type: "boolean", default: false },
  },
});
const baseScale = Number(args.base);
const copies = Number(args.copies);
const runs = Number(args.runs);

const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

async function timeRuns(label: string, inputs: ReportBenchInputs, count: number): Promise<ReportTiming[]> {
  const timings: ReportTiming[] = [];
  for (let run = 1; run <= count; run++) {
    const bar = new SingleBar(
      {
        format: `${label} run ${run}/${count} [{bar}] {step} {value}/{total} {duration}s`,
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 5000,
      },
      undefined,
    );
    bar.start(1, 0, { step: "screen" });
    const timing = await timeReport(inputs, (step, done, total) => {
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { step });
    });
    bar.stop();
    timings.push(timing);
    log(
      `${label} run ${run}: ${inputs.responses.length} stored, ${timing.valid} valid; ${Math.round(timing.wallMs)} ms wall, ${Math.round(timing.cpuMs)} ms CPU (${reportPhases.map((phase) => `${phase} ${Math.round(timing.phases[phase])}`).join(", ")} ms; of which garbage collection ${reportPhases.map((phase) => `${phase} ${Math.round(timing.gcPhases[phase])}`).join(", ")} ms)`,
    );
  }
  return timings;
}

function summary(label: string, stored: number, timings: ReportTiming[]) {
  const wall = median(timings.map((timing) => timing.wallMs));
  const cpu = median(timings.map((timing) => timing.cpuMs));
  const phases = reportPhases.map(
    (phase) =>
      `${phase} ${(median(timings.map((timing) => timing.phases[phase])) / 1000).toFixed(2)} s (gc ${(median(timings.map((timing) => timing.gcPhases[phase])) / 1000).toFixed(2)})`,
  );
  process.stdout.write(
    `${label}: ${stored} stored, ${timings[0].valid} valid; median of ${timings.length}: ${(wall / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} s CPU, ${((cpu * 1000) / stored).toFixed(1)} µs CPU per stored response\n  phases: ${phases.join(", ")}\n`,
  );
  return { wall, cpu };
}

async function main(): Promise<void> {
  const study = await readStudyFolder("examples/china-lac");
  const quality = await readQualityConfig(study.directory);
  const weighting = await readWeighting(study.directory);
  const codebooks = await readOpenCodebooks(study);
  const jieba = createJieba();
  const common = { study, quality, weighting, codebooks, jieba, language: args.lang };

  log("simulating the demo fieldwork (seed 1, exact)…");
  const demo = simulateFieldwork(study, {
    seed: 1,
    quality,
    faults: defaultFaultShares,
    fabricatingInterviewers: 2,
    exact: true,
  });
  const handOver = (built: ScreenedResponse[]) => (args.built ? built : asReadFromStore(built));
  const demoTimings = await timeRuns(
    "demo",
    { ...common, responses: handOver(demo.responses) },
    Math.max(runs, 3),
  );

  const simStart = performance.now();
  log(`simulating the base: ${baseScale}× the article's sizes (seed 2, not exact)…`);
  const responses = handOver(
    scaledFieldwork(study, quality, {
      base: baseScale,
      copies,
      onBase: (count) =>
        log(
          `base: ${count} responses in ${Math.round((performance.now() - simStart) / 1000)} s; replicating ×${copies}…`,
        ),
      onCopy: (copy) => process.stderr.write(`\r  copy ${copy + 1}/${copies}`),
    }),
  );
  log(
    `\n${responses.length} responses ready after ${Math.round((performance.now() - simStart) / 1000)} s; RSS ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}`,
  );

  const millionTimings = await timeRuns("million", { ...common, responses }, runs);
  const small = summary("demo", demo.responses.length, demoTimings);
  const large = summary("million", responses.length, millionTimings);
  process.stdout.write(
    `ratio million/demo: ${(large.wall / small.wall).toFixed(0)}× wall, ${(large.cpu / small.cpu).toFixed(0)}× CPU for ${(responses.length / demo.responses.length).toFixed(0)}× the responses\npeak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (whole process, simulated responses included)\n`,
  );
}

await main();
