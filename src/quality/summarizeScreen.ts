import type { StudyDefinition } from "../study/types.ts";
import { groupBy } from "./screenContext.ts";
import { excludedIds, type FlagDecisions, isValid } from "./screenResponses.ts";
import { type FlagVerdict, type RuleName, ruleNames, type ScreenedResponse } from "./types.ts";

export interface RuleSummary {
  rule: RuleName;
  flagged: number;
  share: number;
}

export interface SiteSummary {
  population: string;
  site: string;
  responses: number;
  valid: number;
  target?: number;
}

export interface ScreenSummary {
  responses: number;
  valid: number;
  rules: RuleSummary[];
  sites: SiteSummary[];
}

/** Counts per rule (responses flagged, share of all) and valid responses per population and site. */
export function summarizeScreen(
  study: StudyDefinition,
  responses: ScreenedResponse[],
  flags: readonly FlagVerdict[],
  decisions: FlagDecisions = new Map(),
  /** excludedIds(flags, decisions), when the caller has it already. */
  excluded: ReadonlySet<string> = excludedIds(flags, decisions),
): ScreenSummary {
  const flaggedBy = groupBy(flags, (flag) => flag.rule);
  const rules = ruleNames.map((rule) => {
    const flagged = new Set((flaggedBy.get(rule) ?? []).map((flag) => flag.id)).size;
    return { rule, flagged, share: responses.length > 0 ? flagged / responses.length : 0 };
  });
  // Counted in one pass, by population and then site (no key built per response), in first-seen order.
  const counts = new Map<string, Map<string, { responses: number; valid: number }>>();
  let valid = 0;
  for (const response of responses) {
    let bySite = counts.get(response.population);
    if (!bySite) {
      bySite = new Map();
      counts.set(response.population, bySite);
    }
    const site = response.site ?? "";
    let count = bySite.get(site);
    if (!count) {
      count = { responses: 0, valid: 0 };
      bySite.set(site, count);
    }
    count.responses++;
    if (isValid(response, excluded)) {
      count.valid++;
      valid++;
    }
  }
  const sites: SiteSummary[] = [];
  for (const population of study.populations) {
    const bySite = counts.get(population.id);
    const seen = new Set<string>();
    for (const site of population.sites) {
      seen.add(site.id);
      const count = bySite?.get(site.id);
      sites.push({
        population: population.id,
        site: site.id,
        responses: count?.responses ?? 0,
        valid: count?.valid ?? 0,
        target: site.target,
      });
    }
    for (const [site, count] of bySite ?? []) {
      if (seen.has(site)) continue;
      sites.push({
        population: population.id,
        // As the site was once read back from a "population NUL site" key: up to any NUL of its own.
        site: site.split("\u0000")[0] || "(none)",
        responses: count.responses,
        valid: count.valid,
      });
    }
  }
  return { responses: responses.length, valid, rules, sites };
}
