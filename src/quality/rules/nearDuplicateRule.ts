import { encodeAnswers } from "../encodeAnswers.ts";
import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { groupBy, median, type ScreenContext, sortByStart } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";
import {
  calibrationSample,
  earlierWithin,
  exhaustiveMatches,
  exhaustivePairLimit,
  sampledFewestAny,
} from "./nearestMatches.ts";

export interface NearDuplicateResult {
  flags: Flag[];
  /** The calibrated threshold per population. */
  thresholds: Record<string, number>;
}

/**
 * Maximum percent-match (Kuriakose & Robbins): for every response, the largest share of identical answers
 * with any other response of its population. A fixed cut such as 85% means different things for different
 * questionnaires, so the threshold is calibrated on the population's own distribution of maxima: a robust
 * z-score above the median. The later response of a matching pair is flagged; identical pairs are left to
 * the duplicate rule. Populations with more than `exhaustivePairLimit` pairs (hundreds of thousands of
 * responses) are calibrated on a sample's maxima and searched only within the threshold's reach.
 */
export function nearDuplicateRule(
  responses: ScreenedResponse[],
  context: ScreenContext,
): NearDuplicateResult {
  const settings = context.config.rules.near_duplicate;
  const flags: Flag[] = [];
  const thresholds: Record<string, number> = {};
  for (const [population, unordered] of groupBy(responses, (response) => response.population)) {
    const outline = context.populations.get(population)?.outline;
    if (!outline || unordered.length < settings.minGroupSize) continue;
    const group = sortByStart(unordered);
    const encoded = encodeAnswers(group, outline);
    if (encoded.items === 0) continue;
    const blocks =
      settings.scope === "site"
        ? [...groupBy(group.keys(), (row) => String(group[row].site ?? "")).values()]
        : [[...group.keys()]];
    const pairs = blocks.reduce((sum, rows) => sum + (rows.length * (rows.length - 1)) / 2, 0);
    const exhaustive = pairs <= exhaustivePairLimit ? exhaustiveMatches(encoded, blocks) : null;
    // Too many pairs to compare: calibrate on a sample's maxima, then search only within the flag's reach.
    const fewestAny = exhaustive?.fewestAny ?? sampledFewestAny(encoded, blocks, calibrationSample);
    const maxMatch = Array.from(fewestAny, (differing) => 1 - differing / encoded.items);
    const calibrate = (values: number[]) => {
      // Copies pile up in the upper tail, so the spread is read from the lower half alone:
      // (median − lower quartile) / 0.6745 estimates σ for normal data and ignores up to half the data above.
      const sorted = Float64Array.from(values).sort();
      const center = median(values);
      const lowerQuartile = sorted[Math.floor((sorted.length - 1) / 4)];
      const cut = center + (settings.robustZ * (center - lowerQuartile)) / 0.6745;
      return Math.min(1 - 0.5 / encoded.items, Math.max(settings.minimumMatch, cut));
    };
    // One threshold per population: the maxima of all its responses give a steadier calibration than the
    // few dozen of a small site.
    const pooled = calibrate(maxMatch);
    thresholds[population] = pooled;
    let reach = 0;
    while (reach < encoded.items && 1 - (reach + 1) / encoded.items >= pooled) reach++;
    const { fewestEarlier, earlierPartner } = exhaustive ?? earlierWithin(encoded, blocks, reach);
    group.forEach((response, row) => {
      const partner = earlierPartner[row];
      const match = 1 - fewestEarlier[row] / encoded.items;
      const threshold = pooled;
      if (partner < 0 || match < threshold) return;
      flags.push(
        makeFlag(
          response,
          "near_duplicate",
          settings.severity,
          reasons.nearDuplicate(match, group[partner].id, threshold),
          {
            match: Number(match.toFixed(3)),
            of: group[partner].id,
            threshold: Number(threshold.toFixed(3)),
          },
        ),
      );
    });
  }
  return { flags, thresholds };
}
