import type { StudyDefinition } from "../study/types.ts";
import { groupBy } from "./screenContext.ts";
import { type FlagDecisions, validResponses } from "./screenResponses.ts";
import { type Flag, type RuleName, ruleNames, type ScreenedResponse } from "./types.ts";

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
  flags: Flag[],
  decisions: FlagDecisions = new Map(),
): ScreenSummary {
  const flaggedBy = groupBy(flags, (flag) => flag.rule);
  const rules = ruleNames.map((rule) => {
    const flagged = new Set((flaggedBy.get(rule) ?? []).map((flag) => flag.id)).size;
    return { rule, flagged, share: responses.length > 0 ? flagged / responses.length : 0 };
  });
  const valid = validResponses(responses, flags, decisions);
  const validBySite = groupBy(valid, (response) => `${response.population}\u0000${response.site ?? ""}`);
  const allBySite = groupBy(responses, (response) => `${response.population}\u0000${response.site ?? ""}`);
  const sites: SiteSummary[] = [];
  for (const population of study.populations) {
    const seen = new Set<string>();
    for (const site of population.sites) {
      const key = `${population.id}\u0000${site.id}`;
      seen.add(key);
      sites.push({
        population: population.id,
        site: site.id,
        responses: allBySite.get(key)?.length ?? 0,
        valid: validBySite.get(key)?.length ?? 0,
        target: site.target,
      });
    }
    for (const [key, group] of allBySite) {
      if (seen.has(key) || !key.startsWith(`${population.id}\u0000`)) continue;
      sites.push({
        population: population.id,
        site: key.split("\u0000")[1] || "(none)",
        responses: group.length,
        valid: validBySite.get(key)?.length ?? 0,
      });
    }
  }
  return { responses: responses.length, valid: valid.length, rules, sites };
}
