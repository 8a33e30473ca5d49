import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { groupBy, median, type ScreenContext } from "../screenContext.ts";
import { encodedRowsOf, type ScreenRows, screenRows, startOrderOf, startTimesOf } from "../screenRows.ts";
import type { Flag, ScreenedResponse } from "../types.ts";
import {
  bucketScanLimit,
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
 * with any other response of its block (its site, or its population). A fixed cut such as 85% means
 * different things for different questionnaires, so the threshold is calibrated on the population's own
 * distribution of maxima: a robust z-score above the median. The later response of a matching pair is
 * flagged; identical pairs are left to the duplicate rule.
 *
 * A population whose blocks hold more than `pairLimit` pairs (hundreds of thousands of responses) is
 * compared within site × fieldwork day instead: fabricated near-copies come from one place and one stretch
 * of fieldwork, and a block of one site's day keeps the comparison set at the size where the maximum match
 * means what it means in an ordinary study (among a hundred thousand honest responses some pair agrees on
 * almost everything by chance). The threshold is then calibrated on a sample's maxima within those blocks,
 * and a block is scanned pair by pair when its own pairs are within `pairLimit` and the scan is no dearer
 * than the search within the threshold's reach, else searched within that reach.
 */
export function nearDuplicateRule(
  responses: ScreenedResponse[],
  context: ScreenContext,
  pairLimit = exhaustivePairLimit,
  rows: ScreenRows = screenRows(responses),
): NearDuplicateResult {
  const settings = context.config.rules.near_duplicate;
  const flags: Flag[] = [];
  const thresholds: Record<string, number> = {};
  for (const [population, unordered] of rows.byPopulation) {
    const screen = context.populations.get(population);
    if (!screen || unordered.length < settings.minGroupSize) continue;
    const order = startOrderOf(rows, population);
    const group = order.map((row) => responses[row]);
    const encoded = encodedRowsOf(rows, population, screen.outline, order);
    if (encoded.items === 0) continue;
    const siteBlocks =
      settings.scope === "site"
        ? [...groupBy(group.keys(), (row) => String(group[row].site ?? "")).values()]
        : [[...group.keys()]];
    const exact = pairsIn(siteBlocks) <= pairLimit;
    const blocks = exact
      ? siteBlocks
      : splitByFieldworkDay(startTimesOf(rows), order, siteBlocks, screen.population.fieldwork.timezone);
    // Calibrated on the blocks compared within, so the maxima are those the flags are judged by: every
    // response's maximum within the limit, a sample's above it (where the search depends on the threshold).
    const maxima = exact ? null : sampledFewestAny(encoded, blocks, calibrationSample);
    const calibrate = (values: number[]) => {
      // Copies pile up in the upper tail, so the spread is read from the lower half alone:
      // (median − lower quartile) / 0.6745 estimates σ for normal data and ignores up to half the data above.
      const sorted = Float64Array.from(values).sort();
      const center = median(values);
      const lowerQuartile = sorted[Math.floor((sorted.length - 1) / 4)];
      const cut = center + (settings.robustZ * (center - lowerQuartile)) / 0.6745;
      return Math.min(1 - 0.5 / encoded.items, Math.max(settings.minimumMatch, cut));
    };
    const toMatch = (differing: number) => 1 - differing / encoded.items;
    let reach = 0;
    let pooled = 0;
    if (maxima) {
      pooled = calibrate(maxima.map(toMatch));
      while (reach < encoded.items && 1 - (reach + 1) / encoded.items >= pooled) reach++;
    }
    // A block is scanned pair by pair while that costs no more comparisons per response than the search
    // within reach would (at most `bucketScanLimit` per item group), so the search serves only large days.
    const scannable = (rows: number[]) =>
      exact || (pairsIn([rows]) <= pairLimit && (rows.length - 1) / 2 <= (reach + 1) * bucketScanLimit);
    const scanned = blocks.filter(scannable);
    const searched = blocks.filter((rows) => !scannable(rows));
    const { fewestAny, fewestEarlier, earlierPartner } = exhaustiveMatches(encoded, scanned);
    // One threshold per population: the maxima of all its responses give a steadier calibration than the
    // few dozen of a small site.
    if (!maxima) pooled = calibrate(Array.from(fewestAny, toMatch));
    thresholds[population] = pooled;
    if (searched.length > 0) {
      const within = earlierWithin(encoded, searched, reach);
      for (const row of searched.flat()) {
        fewestEarlier[row] = within.fewestEarlier[row];
        earlierPartner[row] = within.earlierPartner[row];
      }
    }
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

function pairsIn(blocks: number[][]): number {
  return blocks.reduce((sum, rows) => sum + (rows.length * (rows.length - 1)) / 2, 0);
}

/**
 * Each block split by the calendar day, in the fieldwork's time zone, on which its responses started;
 * responses without a readable start time form a block of their own. Rows keep their start order.
 */
function splitByFieldworkDay(
  startTimes: Float64Array,
  order: number[],
  blocks: number[][],
  timezone: string,
): number[][] {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone: timezone });
  // Formatting a date costs microseconds; every time zone's offset and its changes fall on quarter hours,
  // so all instants of one UTC quarter hour share a local day.
  const days = new Map<number, string>();
  const dayOf = (row: number) => {
    const start = startTimes[order[row]];
    if (Number.isNaN(start)) return "";
    const quarter = Math.floor(start / 900_000);
    let day = days.get(quarter);
    if (day === undefined) {
      day = format.format(quarter * 900_000);
      days.set(quarter, day);
    }
    return day;
  };
  return blocks.flatMap((rows) => [...groupBy(rows, dayOf).values()]);
}
