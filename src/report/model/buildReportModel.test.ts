import { describe, expect, it } from "vitest";
import { readOpenCodebooks } from "../../cli/reportFiles.ts";
import { readQualityConfig } from "../../files/readQualityConfig.ts";
import { readStudyFolder } from "../../files/readStudyFolder.ts";
import { readWeighting } from "../../files/readWeighting.ts";
import { type FlagDecisions, runScreen, validResponses } from "../../quality/screenResponses.ts";
import { defaultFaultShares, simulateFieldwork } from "../../simulate/simulateFieldwork.ts";
import { createJieba } from "../../text/createJieba.ts";
import { buildReportModel } from "./buildReportModel.ts";

describe("the report model with reviewers' decisions", async () => {
  const study = await readStudyFolder("examples/china-lac");
  const quality = await readQualityConfig(study.directory);
  const { responses } = simulateFieldwork(study, {
    seed: 7,
    n: { china: 300, lac: 420 },
    quality,
    faults: defaultFaultShares,
    fabricatingInterviewers: 0,
    exact: true,
  });
  const { flags } = runScreen(study, responses, quality);

  it("counts valid responses per site as it counts them per population", async () => {
    // Every exclude flag of the first 20 flagged responses set aside: those responses become valid again.
    const overridden = [
      ...new Set(flags.filter((flag) => flag.severity === "exclude").map((flag) => flag.id)),
    ];
    const decisions: FlagDecisions = new Map(
      flags
        .filter((flag) => flag.severity === "exclude" && overridden.slice(0, 20).includes(flag.id))
        .map((flag) => [`${flag.id} ${flag.rule}`, "override"] as const),
    );
    const valid = validResponses(responses, flags, decisions);
    expect(valid.length).toBeGreaterThan(validResponses(responses, flags).length);
    const model = buildReportModel({
      study,
      responses,
      quality,
      decisions,
      weighting: await readWeighting(study.directory),
      codebooks: await readOpenCodebooks(study),
      jieba: createJieba(),
      generatedAt: "2025-07-01T00:00:00.000Z",
    });
    for (const population of model.methodology.populations) {
      const own = valid.filter((response) => response.population === population.id).length;
      const bySite = model.methodology.sites
        .filter((site) => site.population === population.id)
        .reduce((sum, site) => sum + site.valid, 0);
      expect(population.valid).toBe(own);
      expect(bySite).toBe(own);
    }
  });
});
