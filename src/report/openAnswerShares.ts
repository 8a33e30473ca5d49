import type { Design } from "../stats/index.ts";
import type { Codebook } from "../text/codebookTypes.ts";
import { type CodeShare, codeShares } from "./codeShares.ts";

export interface SiteCodeShares {
  site: string;
  /** Respondents of the site who answered the question (non-blank). */
  answered: number;
  shares: CodeShare[];
}

export interface PopulationCodeShares {
  population: string;
  /** Weighted to the population's margins, or every weight 1. */
  weighted: boolean;
  answered: number;
  /** Codes, then nets, in codebook order. */
  shares: CodeShare[];
  sites: SiteCodeShares[];
}

export interface OpenAnswerSharesInput {
  /** Has the columns `population` and `site` (levels `<population>/<site>`). */
  design: Design;
  codebook: Codebook;
  /** One per design row: the codes of its answer, empty for a blank answer or another population's row. */
  coded: ReadonlyArray<{ codes: readonly string[] }>;
  /** The populations whose answers the codebook codes, in the order to report them. */
  populations: readonly string[];
  weightedPopulations: readonly string[];
}

/**
 * The share of respondents mentioning each code, per population and per site, with 95% intervals: each
 * population and site is a domain of the whole design, so its interval accounts for the weighting.
 * Respondents who left the question blank are out of the denominator.
 */
export function openAnswerShares(input: OpenAnswerSharesInput): PopulationCodeShares[] {
  const { design, codebook, coded } = input;
  const answeredBy = new Map<string, number>();
  const population = design.frame.columns.get("population");
  const site = design.frame.columns.get("site");
  if (population?.kind !== "categorical" || site?.kind !== "categorical") {
    throw new RangeError("the design needs categorical population and site columns");
  }
  coded.forEach((answer, row) => {
    if (answer.codes.length === 0) return;
    for (const key of [population.levels[population.codes[row]], site.levels[site.codes[row]]]) {
      if (key !== undefined) answeredBy.set(key, (answeredBy.get(key) ?? 0) + 1);
    }
  });
  const byPopulation = codeShares(design, codebook, coded, { by: "population", level: 0.95 });
  const bySite = codeShares(design, codebook, coded, { by: "site", level: 0.95 });
  return input.populations.map((id) => {
    const prefix = `${id}/`;
    const sites = [...new Set(bySite.map((row) => row.domain?.site ?? ""))]
      .filter((level) => level.startsWith(prefix) && (answeredBy.get(level) ?? 0) > 0)
      .map((level) => ({
        site: level.slice(prefix.length),
        answered: answeredBy.get(level) ?? 0,
        shares: bySite.filter((row) => row.domain?.site === level),
      }));
    return {
      population: id,
      weighted: input.weightedPopulations.includes(id),
      answered: answeredBy.get(id) ?? 0,
      shares: byPopulation.filter((row) => row.domain?.population === id),
      sites,
    };
  });
}
