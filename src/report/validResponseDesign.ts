import type { ScreenedResponse } from "../quality/types.ts";
import type { Design } from "../stats/index.ts";
import type { LoadedStudy } from "../study/types.ts";
import { BLANK, buildReportData } from "./model/reportData.ts";
import type { WeightingConfig } from "./weighting/weightingConfig.ts";
import { weightingQuestions, weightReportData } from "./weighting/weightReportData.ts";

export interface ValidResponseDesign {
  /** Stratified by population; columns `population` and `site` (levels `<population>/<site>`). */
  design: Design;
  /** The design's rows: the valid responses of the study's populations, in order. */
  rows: ScreenedResponse[];
  /** Populations weighted to their margins; the others carry weight 1 (unweighted). */
  weightedPopulations: string[];
}

/**
 * The valid responses as a design weighted the way the report weights them (raking to the study's
 * weighting margins, then trimming), so a share computed here is the share the report shows. Without a
 * weighting (no weighting.json, or a population it does not name) every weight is 1.
 */
export function validResponseDesign(
  study: LoadedStudy,
  valid: ScreenedResponse[],
  weighting: WeightingConfig | null,
): ValidResponseDesign {
  const populations = new Set(study.definition.populations.map((population) => population.id));
  const rows = valid.filter((response) => populations.has(response.population));
  const data = buildReportData(study, rows, new Map(), () => () => BLANK, weightingQuestions(weighting));
  const weighted = weightReportData(study.definition, data, weighting);
  return {
    design: weighted.design,
    rows,
    weightedPopulations: weighted.summaries
      .filter((summary) => summary.weighted)
      .map((summary) => summary.population),
  };
}
