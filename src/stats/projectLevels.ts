import type { LinearizedEstimate, Statistic } from "./linearize.ts";

/**
 * The estimate of a numeric variable y = Σ v_l 1{level l} from the estimates of its level shares (or level
 * totals) and the variance of Σ v_l z_l (`byLevel.covariance`, 1 x 1, from aggregateLinearize combining the
 * levels by v): the estimate is Σ v_l e_l, exactly the linearisation of y itself; the design effect is
 * svymean's (or svytotal's), from Σ w y and Σ w y² recovered from the level totals.
 */
export function projectLevels(
  byLevel: LinearizedEstimate,
  values: Float64Array,
  statistic: Statistic,
  withDeff: boolean,
): LinearizedEstimate {
  const { estimates, covariance, nobs, weightSum } = byLevel;
  const levels = values.length;
  let estimate = 0;
  const variance = covariance[0];
  let sum = 0;
  let squares = 0;
  for (let a = 0; a < levels; a++) {
    estimate += values[a] * estimates[a];
    const total = statistic === "mean" ? estimates[a] * weightSum : estimates[a];
    sum += values[a] * total;
    squares += values[a] * values[a] * total;
  }
  let deff: Float64Array | null = null;
  if (withDeff) {
    const mean = sum / weightSum;
    const centred = squares - 2 * mean * sum + mean * mean * weightSum;
    let srs = ((((centred / weightSum) * nobs) / (nobs - 1)) * (weightSum - nobs)) / (weightSum * nobs);
    if (statistic === "total") srs *= weightSum * weightSum;
    deff = Float64Array.of(variance / srs);
  }
  return {
    estimates: Float64Array.of(estimate),
    covariance: Float64Array.of(variance),
    deff,
    nobs,
    weightSum,
  };
}
