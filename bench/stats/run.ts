/**
 * Benchmark of issue 5: 1,000,000 simulated respondents (6 countries as strata, 240 PSUs, raking on
 * age × sex × education, 20 yes/no items, one numeric score). Times, end to end from the CSV file,
 * raking + the 20 proportions with SEs + the score by country, and the raking step alone; runs R's
 * survey on the same file when Rscript exists and checks that the numbers agree.
 *
 *   node --import tsx bench/stats/run.ts [--rows 1000000] [--runs 5] [--no-r]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDesign } from "../../src/stats/createDesign.ts";
import { frameFromCsv } from "../../src/stats/frameFromCsv.ts";
import { rake } from "../../src/stats/rake.ts";
import { runSpec } from "../../src/stats/runSpec.ts";
import type { StatsOutput } from "../../src/stats/specTypes.ts";
import { rakingMargins, simulateCsv } from "./simulate.ts";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const rows = option("--rows", 1_000_000);
const runs = option("--runs", 5);
const items = 20;
const epsilon = 1e-7;
const maxit = 50;
const margins = rakingMargins();
const spec = {
  design: { weights: "pw", strata: "country", ids: ["psu"] },
  calibrate: { method: "rake", epsilon, maxit, margins },
  estimates: [
    ...Array.from({ length: items }, (_, k) => ({
      id: `q${k + 1}`,
      type: "proportion",
      variable: `q${k + 1}`,
    })),
    { id: "score", type: "mean", variable: "score", by: "country" },
  ],
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const format = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const folder = mkdtempSync(join(tmpdir(), "parallax-bench-"));
const csvPath = join(folder, "respondents.csv");
try {
  writeFileSync(csvPath, simulateCsv(rows, items, 240, 20261126));
  console.log(`data: ${rows.toLocaleString("en")} rows, ${items} items, 6 strata, 240 PSUs → ${csvPath}`);
  const endToEnd: number[] = [];
  const parse: number[] = [];
  const estimation: number[] = [];
  let output: StatsOutput | null = null;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const frame = frameFromCsv(readFileSync(csvPath));
    const parsed = performance.now();
    output = runSpec(frame, spec);
    const end = performance.now();
    endToEnd.push(end - start);
    parse.push(parsed - start);
    estimation.push(end - parsed);
  }
  const frame = frameFromCsv(readFileSync(csvPath));
  const design = createDesign(frame, spec.design);
  const raking: number[] = [];
  let iterations = 0;
  for (let run = 0; run < Math.max(runs, 10); run++) {
    const start = performance.now();
    iterations = rake(design, margins, { epsilon, maxit }).report.iterations;
    raking.push(performance.now() - start);
  }
  console.log(
    `ours, median of ${runs}: end to end ${format(median(endToEnd))} (read + parse CSV ${format(median(parse))}, design + raking + estimates ${format(median(estimation))})`,
  );
  console.log(
    `ours, raking alone (3 margins, ${iterations} passes), median of ${raking.length}: ${format(median(raking))}`,
  );
  if (!argv.includes("--no-r") && output !== null) compareWithR(output, median(endToEnd));
} finally {
  rmSync(folder, { recursive: true, force: true });
}

function compareWithR(ours: StatsOutput, oursTotal: number): void {
  if (spawnSync("Rscript", ["--version"]).status !== 0) {
    console.log("R: Rscript not found, skipped");
    return;
  }
  const marginsPath = join(folder, "margins.json");
  const resultPath = join(folder, "r.json");
  writeFileSync(marginsPath, JSON.stringify(margins));
  const script = join(import.meta.dirname, "run-r.R");
  const started = performance.now();
  const r = spawnSync("Rscript", [script, csvPath, marginsPath, resultPath, String(epsilon), String(maxit)], {
    stdio: "inherit",
  });
  const wall = performance.now() - started;
  if (r.status !== 0) throw new Error("R failed");
  const result = JSON.parse(readFileSync(resultPath, "utf8")) as {
    seconds: Record<string, number>;
    proportions: Array<{ item: string; estimate: number; se: number }>;
    score: Array<{ country: string; estimate: number; se: number }>;
  };
  const rTotal = result.seconds.total * 1000;
  const parts = Object.entries(result.seconds).map(([key, value]) => `${key} ${value.toFixed(2)} s`);
  console.log(`R survey: ${parts.join(", ")} (process wall clock ${format(wall)})`);
  console.log(
    `ratio, end to end: R ${format(rTotal)} / ours ${format(oursTotal)} = ${(rTotal / oursTotal).toFixed(0)}×`,
  );
  let worst = 0;
  const check = (mine: number, theirs: number) => {
    worst = Math.max(worst, Math.abs(mine - theirs) / Math.abs(theirs));
  };
  for (const row of result.proportions) {
    const estimate = ours.estimates.find((entry) => entry.id === row.item);
    const yes =
      estimate !== undefined && "rows" in estimate ? estimate.rows.find((r) => r.level === "yes") : undefined;
    if (yes === undefined) throw new Error(`no estimate for ${row.item}`);
    check(yes.estimate, row.estimate);
    check(yes.se, row.se);
  }
  const score = ours.estimates.find((entry) => entry.id === "score");
  for (const row of result.score) {
    const mine =
      score !== undefined && "rows" in score
        ? score.rows.find((r) => r.domain?.country === row.country)
        : undefined;
    if (mine === undefined) throw new Error(`no score for ${row.country}`);
    check(mine.estimate, row.estimate);
    check(mine.se, row.se);
  }
  console.log(
    `agreement: largest relative difference over ${2 * (result.proportions.length + result.score.length)} estimates and SEs: ${worst.toExponential(2)}`,
  );
  if (worst > 1e-6) process.exitCode = 1;
}
