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
  const counts = populationCounts(stored, valid);
  const populations = study.populations.map((population) => {
    const own = counts.get(population.id) ?? emptyCounts();
    const { complete, partial } = own;
    const summary = weighting.find((candidate) => candidate.population === population.id);
    const deff = summary?.deff ?? 1;
    const n = own.valid;
    return {
      id: population.id,
      fieldwork: { ...population.fieldwork },
      modes: [...population.modes],
      languages: [...population.languages],
      eligibility: population.eligibility ?? null,
      stored: own.stored,
      screenedOut: own.screenedOut,
      partial,
      valid: n,
      completionRate: complete + partial > 0 ? complete / (complete + partial) : null,
      marginOfError: n > 0 ? Z95 * Math.sqrt((0.25 * deff) / n) : Number.NaN,
      byMode: tally(own.modes),
      byLanguage: tally(own.languages),
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

interface PopulationCounts {
  stored: number;
  complete: number;
  partial: number;
  screenedOut: number;
  valid: number;
  /** Valid responses by mode and by language. */
  modes: Map<unknown, number>;
  languages: Map<unknown, number>;
}

function emptyCounts(): PopulationCounts {
  return {
    stored: 0,
    complete: 0,
    partial: 0,
    screenedOut: 0,
    valid: 0,
    modes: new Map(),
    languages: new Map(),
  };
}

/** Every population's counts in one pass over the stored and one over the valid responses. */
function populationCounts(
  stored: ScreenedResponse[],
  valid: ScreenedResponse[],
): Map<string, PopulationCounts> {
  const counts = new Map<string, PopulationCounts>();
  const of = (population: string) => {
    let own = counts.get(population);
    if (!own) {
      own = emptyCounts();
      counts.set(population, own);
    }
    return own;
  };
  for (const response of stored) {
    const own = of(response.population);
    own.stored++;
    const status = response.status;
    if ((status ?? "complete") === "complete") own.complete++;
    else if (status === "partial") own.partial++;
    else if (status === "screened_out") own.screenedOut++;
  }
  for (const response of valid) {
    const own = of(response.population);
    own.valid++;
    own.modes.set(response.mode, (own.modes.get(response.mode) ?? 0) + 1);
    own.languages.set(response.language, (own.languages.get(response.language) ?? 0) + 1);
  }
  return counts;
}

/** Counts keyed in sorted order, as sorting every value and counting it would key them. */
function tally(values: Map<unknown, number>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values.keys()].sort()) {
    const key = String(value);
    counts[key] = (counts[key] ?? 0) + (values.get(value) as number);
  }
  return counts;
}
