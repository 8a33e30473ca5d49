import type { ScreenSummary } from "../../quality/summarizeScreen.ts";
import type { ScreenedResponse } from "../../quality/types.ts";
import type { StudyDefinition } from "../../study/types.ts";
import type { PopulationWeightingSummary } from "../weighting/weightReportData.ts";
import type { Methodology } from "./reportModel.ts";

const Z95 = 1.959964;

/**
 * How the figures were made: fieldwork per population, stored and valid responses per site, the quality
 * rules that excluded responses, the weighting and the margins of error it implies.
 */
export function methodology(
  study: StudyDefinition,
  stored: ScreenedResponse[],
  valid: ScreenedResponse[],
  screen: ScreenSummary,
  weighting: PopulationWeightingSummary[],
): Methodology {
  const populations = study.populations.map((population) => {
    const own = stored.filter((response) => response.population === population.id);
    const ownValid = valid.filter((response) => response.population === population.id);
    const complete = own.filter((response) => (response.status ?? "complete") === "complete").length;
    const partial = own.filter((response) => response.status === "partial").length;
    const summary = weighting.find((candidate) => candidate.population === population.id);
    const deff = summary?.deff ?? 1;
    const n = ownValid.length;
    return {
      id: population.id,
      fieldwork: { ...population.fieldwork },
      modes: [...population.modes],
      languages: [...population.languages],
      eligibility: population.eligibility ?? null,
      stored: own.length,
      screenedOut: own.filter((response) => response.status === "screened_out").length,
      partial,
      valid: n,
      completionRate: complete + partial > 0 ? complete / (complete + partial) : null,
      marginOfError: n > 0 ? Z95 * Math.sqrt((0.25 * deff) / n) : Number.NaN,
      byMode: tally(ownValid.map((response) => response.mode)),
      byLanguage: tally(ownValid.map((response) => response.language)),
    };
  });
  const sites = screen.sites.map((site) => ({
    population: site.population,
    site: site.site,
    responses: site.responses,
    valid: site.valid,
    target: site.target ?? null,
  }));
  return {
    populations,
    sites,
    rules: screen.rules
      .filter((rule) => rule.flagged > 0)
      .map((rule) => ({ rule: rule.rule, flagged: rule.flagged })),
    weighting,
  };
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
