import { pchisqUpper } from "../../stats/distributions.ts";
import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { median, robustScale, type ScreenContext } from "../screenContext.ts";
import { type ScreenRows, screenRows } from "../screenRows.ts";
import type { Flag, InterviewerVerdict, ScreenedResponse } from "../types.ts";
import { type IndicatorName, indicatorNamesInOrder, interviewerIndicators } from "./interviewerIndicators.ts";

export interface InterviewerCheck {
  verdicts: InterviewerVerdict[];
  flags: Flag[];
}

/**
 * Judges every interviewer against the others of the same population. Each indicator is standardised by
 * robust z-scores (median and MAD, so the falsifiers being judged do not hide in the spread they inflate);
 * the standardised indicators are combined into a Mahalanobis distance with a robust diagonal covariance,
 * compared with the χ² quantile for the number of indicators that vary. A flagged interviewer's interviews
 * are flagged `fabricated`, naming the indicators that drove it.
 */
export function checkInterviewers(
  responses: ScreenedResponse[],
  context: ScreenContext,
  rows: ScreenRows = screenRows(responses),
): InterviewerCheck {
  const settings = context.config.interviewers;
  const verdicts: InterviewerVerdict[] = [];
  const flags: Flag[] = [];
  for (const [population, members] of rows.byPopulation) {
    const group = members.map((row) => rows.responses[row]);
    if (!group.some((response) => response.interviewer)) continue;
    const judged = interviewerIndicators(population, group, context, rows, members).filter(
      (item) => item.interviews.length >= settings.minInterviews,
    );
    if (judged.length < 5) continue;
    const zScores = new Map<IndicatorName, number[]>();
    for (const name of indicatorNamesInOrder) {
      const z = standardise(judged.map((item) => item.values[name]));
      if (z) zScores.set(name, z);
    }
    const dimensions = zScores.size;
    if (dimensions === 0) continue;
    const threshold = Math.sqrt(chiSquareQuantile(settings.distanceQuantile, dimensions));
    judged.forEach((item, index) => {
      const indicators: Record<string, number> = {};
      let squared = 0;
      for (const [name, z] of zScores) {
        indicators[name] = Number(z[index].toFixed(2));
        squared += z[index] ** 2;
      }
      const distance = Math.sqrt(squared);
      const flagged = distance > threshold;
      const ranked = Object.entries(indicators).sort(([, a], [, b]) => Math.abs(b) - Math.abs(a));
      const strong = ranked.filter(([, z]) => Math.abs(z) >= settings.driverZ).map(([name]) => name);
      const drivers = flagged ? (strong.length > 0 ? strong : ranked.slice(0, 2).map(([name]) => name)) : [];
      verdicts.push({
        interviewer: item.interviewer,
        population,
        interviews: item.interviews.length,
        distance: Number(distance.toFixed(2)),
        threshold: Number(threshold.toFixed(2)),
        flagged,
        indicators,
        drivers,
      });
      if (!flagged) return;
      const reason = reasons.fabricated(item.interviewer, drivers, distance, threshold);
      for (const interview of item.interviews)
        flags.push(
          makeFlag(interview, "fabricated", settings.severity, reason, {
            interviewer: item.interviewer,
            distance: Number(distance.toFixed(2)),
            drivers: drivers.join(" "),
          }),
        );
    });
  }
  return { verdicts, flags };
}

/** Robust z-scores, with NaN (not computable) as 0; undefined when the indicator does not vary. */
function standardise(values: number[]): number[] | undefined {
  const known = values.filter((value) => !Number.isNaN(value));
  if (known.length < 3) return undefined;
  const center = median(known);
  let scale = robustScale(known, center);
  // More than half the interviewers share one value: fall back on the mean absolute deviation.
  if (!(scale > 0))
    scale = (1.2533 * known.reduce((sum, value) => sum + Math.abs(value - center), 0)) / known.length;
  if (!(scale > 0)) return undefined;
  return values.map((value) => (Number.isNaN(value) ? 0 : (value - center) / scale));
}

/** Inverts the upper tail of χ² by bisection: the x with P(χ²_df > x) = 1 − quantile. */
export function chiSquareQuantile(quantile: number, df: number): number {
  let low = 0;
  let high = df + 20 * Math.sqrt(2 * df) + 50;
  for (let step = 0; step < 100; step++) {
    const middle = (low + high) / 2;
    if (pchisqUpper(middle, df) > 1 - quantile) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
