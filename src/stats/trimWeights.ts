import type { Design } from "./designTypes.ts";

export interface TrimOptions {
  upper?: number;
  lower?: number;
  /** Repeat until no weight is outside the bounds after redistribution (R's strict = TRUE). */
  strict?: boolean;
}

/**
 * trimWeights: weights outside [lower, upper] are set to the bound and the amount trimmed is spread
 * equally over the weights that were inside, so the total is unchanged.
 */
export function trimWeights(design: Design, options: TrimOptions): Design {
  const upper = options.upper ?? Number.POSITIVE_INFINITY;
  const lower = options.lower ?? Number.NEGATIVE_INFINITY;
  let weights = design.weights;
  for (;;) {
    const next = weights.slice();
    let trimmed = 0;
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < next.length; i++) {
      const w = weights[i];
      if (w < lower || w > upper) {
        next[i] = Math.max(lower, Math.min(w, upper));
        trimmed += w - next[i];
        outside++;
      } else {
        inside++;
      }
    }
    if (outside === 0) break;
    const share = trimmed / inside;
    for (let i = 0; i < next.length; i++) {
      const w = weights[i];
      if (!(w < lower || w > upper)) next[i] += share;
    }
    weights = next;
    if (!options.strict) break;
  }
  return { ...design, weights };
}

export interface WeightingEffect {
  /** Kish's design effect due to unequal weighting: n Σw² / (Σw)² = 1 + CV². */
  deff: number;
  /** (Σw)² / Σw². */
  effectiveN: number;
  n: number;
}

/** Kish's effect of weighting over the rows with nonzero weight. */
export function weightingEffect(weights: Float64Array): WeightingEffect {
  let sum = 0;
  let sumSquares = 0;
  let n = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    sum += w;
    sumSquares += w * w;
    n++;
  }
  const effectiveN = (sum * sum) / sumSquares;
  return { deff: n / effectiveN, effectiveN, n };
}
