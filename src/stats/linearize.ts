import { aggregateLinearize, mergesUnits, type Source } from "./aggregateLinearize.ts";
import type { Design } from "./designTypes.ts";
import { designVariance } from "./designVariance.ts";
import { fewValues } from "./fewValues.ts";
import { projectLevels } from "./projectLevels.ts";

export interface LinearizedEstimate {
  estimates: Float64Array;
  /** Row-major p x p covariance. */
  covariance: Float64Array;
  /** Design effects (R's default, without replacement), when asked for. */
  deff: Float64Array | null;
  /** Rows used: in the domain, no missing value, nonzero weight. */
  nobs: number;
  /** Sum of weights over those rows. */
  weightSum: number;
}

export type Statistic = "mean" | "total";

/**
 * Means or totals of several variables over a domain, with their joint covariance, as svymean and
 * svytotal with na.rm = TRUE compute them on `design[domain, ]`: rows outside the domain or with a
 * missing value keep their place in the design and contribute zero.
 */
export function linearize(
  design: Design,
  variables: Float64Array[],
  domain: Uint8Array | null,
  statistic: Statistic,
  withDeff = false,
): LinearizedEstimate {
  const n = design.n;
  const p = variables.length;
  const weights = activeWeights(design, variables, domain);
  let weightSum = 0;
  let nobs = 0;
  for (let i = 0; i < n; i++) {
    weightSum += weights[i];
    if (weights[i] !== 0) nobs++;
  }
  const estimates = new Float64Array(p);
  const influence: Float64Array[] = [];
  for (let a = 0; a < p; a++) {
    const y = variables[a];
    let sum = 0;
    for (let i = 0; i < n; i++) if (weights[i] !== 0) sum += weights[i] * y[i];
    const mean = sum / weightSum;
    estimates[a] = statistic === "mean" ? mean : sum;
    const z = new Float64Array(n);
    if (statistic === "mean") {
      for (let i = 0; i < n; i++) if (weights[i] !== 0) z[i] = (weights[i] * (y[i] - mean)) / weightSum;
    } else {
      for (let i = 0; i < n; i++) if (weights[i] !== 0) z[i] = weights[i] * y[i];
    }
    influence.push(z);
  }
  const covariance = designVariance(design, influence, weights);
  const deff = withDeff ? designEffects(variables, weights, covariance, nobs, weightSum, statistic) : null;
  return { estimates, covariance, deff, nobs, weightSum };
}

/** Weights with zeros outside the domain and on rows missing any of the variables (na.rm). */
export function activeWeights(
  design: Design,
  variables: Float64Array[],
  domain: Uint8Array | null,
): Float64Array {
  const weights = design.weights.slice();
  for (let i = 0; i < design.n; i++) {
    if (domain !== null && domain[i] === 0) {
      weights[i] = 0;
      continue;
    }
    for (const y of variables) {
      if (Number.isNaN(y[i])) {
        weights[i] = 0;
        break;
      }
    }
  }
  return weights;
}

/**
 * svymean's deff: the variance over that of simple random sampling without replacement,
 * svyvar(x) * (N - n) / (N * n); svytotal scales the same by N^2.
 */
function designEffects(
  variables: Float64Array[],
  weights: Float64Array,
  covariance: Float64Array,
  nobs: number,
  weightSum: number,
  statistic: Statistic,
): Float64Array {
  const p = variables.length;
  const out = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    const y = variables[a];
    let mean = 0;
    for (let i = 0; i < y.length; i++) if (weights[i] !== 0) mean += weights[i] * y[i];
    mean /= weightSum;
    let centred = 0;
    for (let i = 0; i < y.length; i++) if (weights[i] !== 0) centred += weights[i] * (y[i] - mean);
    centred /= weightSum;
    let sumSquares = 0;
    for (let i = 0; i < y.length; i++) {
      if (weights[i] !== 0) {
        const d = y[i] - mean - centred;
        sumSquares += weights[i] * d * d;
      }
    }
    const populationVariance = ((sumSquares / weightSum) * nobs) / (nobs - 1);
    let srs = (populationVariance * (weightSum - nobs)) / (weightSum * nobs);
    if (statistic === "total") srs *= weightSum * weightSum;
    out[a] = covariance[a * p + a] / srs;
  }
  return out;
}

/** `linearize` for one categorical (all its levels) or numeric variable, by the one-pass path when it applies. */
export function linearizeSource(
  design: Design,
  source: Source,
  domain: Uint8Array | null,
  statistic: Statistic,
  withDeff = false,
): LinearizedEstimate {
  const levels = "values" in source && mergesUnits(design) ? fewValues(source.values) : null;
  if (levels !== null) {
    const source = { codes: levels.codes, nLevels: levels.values.length };
    const byLevel = aggregateLinearize(design, source, domain, statistic, false, () => [levels.values]);
    if (byLevel !== null) return projectLevels(byLevel, levels.values, statistic, withDeff);
  }
  const fast = aggregateLinearize(design, source, domain, statistic, withDeff);
  if (fast !== null) return fast;
  const variables = "values" in source ? [source.values] : indicatorColumns(source.codes, source.nLevels);
  return linearize(design, variables, domain, statistic, withDeff);
}

const INDICATOR_VALUES = Float64Array.of(0, 1);

/**
 * `linearize` of a 0/1 indicator given as codes (1 yes, 0 no, -1 missing), through its two levels when the
 * one-pass estimator merges units, so that no column of the indicator's values is built.
 */
export function linearizeIndicator(
  design: Design,
  codes: Int32Array,
  domain: Uint8Array | null,
  statistic: Statistic,
  withDeff = false,
): LinearizedEstimate {
  if (mergesUnits(design)) {
    const byLevel = aggregateLinearize(design, { codes, nLevels: 2 }, domain, statistic, false, () => [
      INDICATOR_VALUES,
    ]);
    if (byLevel !== null) return projectLevels(byLevel, INDICATOR_VALUES, statistic, withDeff);
  }
  const values = Float64Array.from(codes, (code) => (code < 0 ? Number.NaN : code));
  return linearizeSource(design, { values }, domain, statistic, withDeff);
}

/** One 0/1 column per level; NaN where the code is missing (-1). */
export function indicatorColumns(codes: Int32Array | Float64Array, nLevels: number): Float64Array[] {
  const n = codes.length;
  return Array.from({ length: nLevels }, (_, level) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      out[i] = code >= 0 ? (code === level ? 1 : 0) : Number.NaN;
    }
    return out;
  });
}
