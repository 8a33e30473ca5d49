import { beforeAll, describe, expect, it } from "vitest";
import type { ReportModel } from "../src/report/model/reportModel.ts";
import {
  articleFindings,
  articleValidResponses,
  type ShareFinding,
} from "../src/simulate/articleFindings.ts";
import { demoReport } from "./support/reportDemo.ts";

/**
 * The report's key figures on the simulated demo fieldwork against the article's figures: each figure the
 * report shows directly (one answer, or a scale's top two) must have the article's value inside its 95%
 * interval ("about"), or an interval reaching above it ("over", "at least").
 */
let model: ReportModel;

beforeAll(async () => {
  ({ model } = await demoReport({ seed: 1 }));
}, 180_000);

function reportFigure(finding: ShareFinding) {
  const section = model.concepts.find((candidate) => candidate.id === finding.question);
  if (!section) return null;
  const same = (values: string[]) =>
    values.length === finding.values.length && values.every((value) => finding.values.includes(value));
  if (finding.site === undefined) {
    if (section.headline && same(section.headline.values))
      return section.headline.byPopulation[finding.population] ?? null;
    if (finding.values.length === 1)
      return (
        section.rows.find((row) => row.value === finding.values[0])?.byPopulation[finding.population] ?? null
      );
    return null;
  }
  const breakdown = section.sites.find((candidate) => same(candidate.values));
  return (
    breakdown?.rows.find((row) => row.population === finding.population && row.site === finding.site)
      ?.estimate ?? null
  );
}

describe("the report on the simulated demo fieldwork", () => {
  it("counts the article's valid responses", () => {
    for (const population of model.methodology.populations)
      expect(population.valid).toBe(articleValidResponses[population.id]);
    expect(model.simulatedShare).toBe(1);
  });

  const shares = articleFindings.filter((finding): finding is ShareFinding => finding.kind === "share");
  it("has the article's figures inside the 95% intervals (a twentieth may miss by chance, none by more than 3.3 SE)", () => {
    const shown = shares.flatMap((finding) => {
      const estimate = reportFigure(finding);
      return estimate === null ? [] : [{ finding, estimate }];
    });
    // The article rounds to whole percents: half a point either way is the same figure.
    const slack = 0.005;
    const outside = (low: number, high: number, finding: ShareFinding) =>
      finding.comparison === "about"
        ? finding.share < low - slack || finding.share > high + slack
        : high + slack < finding.share;
    const misses = shown.filter(({ finding, estimate }) => outside(estimate.ci[0], estimate.ci[1], finding));
    const describe = ({ finding, estimate }: (typeof shown)[number]) =>
      `${finding.population}${finding.site ? `/${finding.site}` : ""} ${finding.question} ${finding.values.join("+")}: article ${finding.share}, report ${(estimate.estimate * 100).toFixed(1)}% [${(estimate.ci[0] * 100).toFixed(1)}, ${(estimate.ci[1] * 100).toFixed(1)}]`;
    process.stderr.write(
      `${shown.length} article figures in the report; outside the 95% interval: ${misses.map(describe).join("; ") || "none"}\n`,
    );
    expect(misses.length, misses.map(describe).join("\n")).toBeLessThanOrEqual(
      Math.ceil(0.05 * shown.length),
    );
    const far = shown.filter(({ finding, estimate }) =>
      outside(estimate.estimate - 3.3 * estimate.se, estimate.estimate + 3.3 * estimate.se, finding),
    );
    expect(far.map(describe)).toEqual([]);
  });

  it("shows at least twenty of the article's figures", () => {
    expect(shares.filter((finding) => reportFigure(finding) !== null).length).toBeGreaterThanOrEqual(20);
  });

  it("puts China first in the LAC ranking, and the US first in Argentina", () => {
    const ranking = model.concepts.find((section) => section.id === "ranking_importance")?.ranking;
    const fact = model.findings.find(
      (candidate) => candidate.kind === "rankedFirst" && candidate.population === "lac",
    );
    expect(fact?.kind === "rankedFirst" && fact.item).toBe("china");
    expect(ranking?.leaders.find((leader) => leader.site === "ar")?.item).toBe("united_states");
    for (const site of ["br", "cl", "cu", "mx", "pa"])
      expect(ranking?.leaders.find((leader) => leader.site === site)?.item, site).toBe("china");
  });
});
