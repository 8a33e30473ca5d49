import { describe, expect, it } from "vitest";
import { readOpenCodebooks } from "../cli/reportFiles.ts";
import { readQualityConfig } from "../files/readQualityConfig.ts";
import { readStudyFolder } from "../files/readStudyFolder.ts";
import { readWeighting } from "../files/readWeighting.ts";
import { runScreen, validResponses } from "../quality/index.ts";
import { defaultFaultShares, simulateFieldwork } from "../simulate/simulateFieldwork.ts";
import { createJieba } from "../text/createJieba.ts";
import { dashboardToplines } from "./dashboardToplines.ts";
import { buildReportModel } from "./model/buildReportModel.ts";

describe("the dashboard's toplines", async () => {
  const study = await readStudyFolder("examples/china-lac");
  const quality = await readQualityConfig(study.directory);
  const weighting = await readWeighting(study.directory);
  const { responses } = simulateFieldwork(study, {
    seed: 7,
    n: { china: 300, lac: 420 },
    quality,
    faults: defaultFaultShares,
    fabricatingInterviewers: 0,
    exact: true,
  });
  const valid = validResponses(responses, runScreen(study, responses, quality).flags);
  const attentionChecks = new Set(quality.rules.attention.checks.map((check) => check.question));

  it("are the report's estimates: same shares, intervals and bases for every closed concept", async () => {
    const toplines = dashboardToplines(study, valid, weighting, "es", attentionChecks);
    const model = buildReportModel({
      study,
      responses,
      quality,
      weighting,
      codebooks: await readOpenCodebooks(study),
      jieba: createJieba(),
      generatedAt: "2025-07-01T00:00:00.000Z",
    });
    expect(toplines.weightedPopulations).toEqual(["china", "lac"]);
    expect(toplines.bases).toEqual({
      china: valid.filter((row) => row.population === "china").length,
      lac: valid.filter((row) => row.population === "lac").length,
    });
    const closed = model.concepts.filter(
      (section) => section.kind === "single" || section.kind === "multiple",
    );
    expect(toplines.concepts.map((concept) => concept.id)).toEqual(closed.map((section) => section.id));
    let compared = 0;
    for (const section of closed) {
      const concept = toplines.concepts.find((candidate) => candidate.id === section.id);
      for (const row of section.rows) {
        const value = concept?.values.find((candidate) => candidate.value === row.value);
        for (const [population, estimate] of Object.entries(row.byPopulation)) {
          const shown = value?.byPopulation[population];
          if (!estimate) {
            expect(shown ?? null).toBeNull();
            continue;
          }
          expect(shown?.estimate).toBeCloseTo(estimate.estimate, 12);
          expect(shown?.ci[0]).toBeCloseTo(estimate.ci[0], 12);
          expect(shown?.ci[1]).toBeCloseTo(estimate.ci[1], 12);
          expect(shown?.n).toBe(estimate.n);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("label concepts and answers in the requested language and mark simulated rows", () => {
    const toplines = dashboardToplines(study, valid, weighting, "zh-cn");
    const traits = toplines.concepts.find((concept) => concept.kind === "multiple");
    expect(traits?.label).toMatch(/\p{Script=Han}/u);
    expect(traits?.values.every((value) => /\p{Script=Han}/u.test(value.label))).toBe(true);
    expect(toplines.simulated).toBe(0);
  });

  it("show no estimate and no error before any valid response has arrived", () => {
    const toplines = dashboardToplines(study, [], weighting, "en");
    expect(toplines.bases).toEqual({ china: 0, lac: 0 });
    expect(toplines.concepts).toEqual([]);
  });

  it("show a population without answers yet as no estimate, the other population still estimated", () => {
    const lacOnly = valid.filter((row) => row.population === "lac");
    const toplines = dashboardToplines(study, lacOnly, null, "en");
    expect(toplines.weightedPopulations).toEqual([]);
    const first = toplines.concepts[0].values[0];
    expect(first.byPopulation.china).toBeNull();
    expect(first.byPopulation.lac?.estimate).toBeGreaterThan(0);
  });
});
