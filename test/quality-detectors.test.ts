import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import { parseQualityConfig, runScreen } from "../src/quality/index.ts";
import { simulateFieldwork } from "../src/simulate/simulateFieldwork.ts";
import { faultNames } from "../src/simulate/types.ts";
import { compileQuestionnaire } from "../src/study/validation/index.ts";

const study = await readStudyFolder("examples/china-lac");
const quality = parseQualityConfig(JSON.parse(readFileSync("examples/china-lac/quality.json", "utf8")));
const rules = [
  "ineligible",
  "incomplete",
  "speeder",
  "straightliner",
  "attention",
  "duplicate",
  "near_duplicate",
  "gibberish",
  "inconsistent",
  "fabricated",
];

/** Every rule at a low and a high fault rate, on two seeds, without the exact mode's redrawing. */
const scenarios = [
  { seed: 11, rate: 0.02 },
  { seed: 12, rate: 0.02 },
  { seed: 13, rate: 0.08 },
  { seed: 14, rate: 0.08 },
];

describe("detectors on simulated fieldwork with known faults", () => {
  const table: string[] = [];
  it.each(scenarios)(
    "precision and recall ≥ 0.9 for every rule (seed $seed, fault rate $rate)",
    ({ seed, rate }) => {
      const faults = Object.fromEntries(faultNames.map((fault) => [fault, rate]));
      const simulation = simulateFieldwork(study, {
        seed,
        quality,
        n: { china: 500, lac: 1000 },
        faults,
        fabricatingInterviewers: 2,
        interviewersPerSite: 4,
      });
      const flags = runScreen(study, simulation.responses, quality).flags;
      for (const rule of rules) {
        const flagged = new Set(flags.filter((flag) => flag.rule === rule).map((flag) => flag.id));
        const actual = new Set(
          [...simulation.truth].filter(([, faults]) => faults.includes(rule as never)).map(([id]) => id),
        );
        const caught = [...flagged].filter((id) => actual.has(id)).length;
        const precision = flagged.size === 0 ? 1 : caught / flagged.size;
        const recall = actual.size === 0 ? 1 : caught / actual.size;
        table.push(
          `${seed} ${rate} ${rule.padEnd(15)} faults ${String(actual.size).padStart(4)} flagged ${String(flagged.size).padStart(4)} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`,
        );
        expect(actual.size, `${rule}: no faults simulated`).toBeGreaterThan(0);
        expect(precision, `${rule} precision`).toBeGreaterThanOrEqual(0.9);
        expect(recall, `${rule} recall`).toBeGreaterThanOrEqual(0.9);
      }
      if (seed === scenarios[scenarios.length - 1].seed) process.stderr.write(`${table.join("\n")}\n`);
    },
  );

  it("simulates only valid responses apart from the injected breakoffs, and ineligible ones as partial", () => {
    const simulation = simulateFieldwork(study, {
      seed: 5,
      quality,
      n: { china: 150, lac: 300 },
      fabricatingInterviewers: 1,
      interviewersPerSite: 2,
    });
    const compiled = Object.fromEntries(
      Object.entries(study.questionnaires).map(([id, q]) => [id, compileQuestionnaire(q.json)]),
    );
    for (const response of simulation.responses) {
      if (simulation.truth.get(response.id)?.includes("incomplete")) continue;
      const partial = response.status === "screened_out";
      expect(compiled[response.population].validate(response.answers, { partial }), response.id).toEqual([]);
    }
  });
});
