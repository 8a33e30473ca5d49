import type { CalibrationStep, PostStratStep, RakeStep } from "./designTypes.ts";
import { rakeShift } from "./rakeProjection.ts";

/**
 * Replaces estimating functions by their residuals after calibration, step by step as svyrecvar
 * does, so that the variance reflects the calibrated weights. Mutates the columns in place.
 */
export function calibrationResiduals(steps: readonly CalibrationStep[], columns: Float64Array[]): void {
  for (const step of steps) {
    for (const x of columns) {
      if (step.kind === "poststratify") postStratResiduals(step, x);
      else rakeResiduals(step, x);
    }
  }
}

function postStratResiduals(step: PostStratStep, x: Float64Array): void {
  const sums = new Float64Array(step.nCells);
  const oldTotals = new Float64Array(step.nCells);
  const { cell, oldWeights, newWeights } = step;
  for (let i = 0; i < x.length; i++) {
    const psw = psWeight(newWeights[i], oldWeights[i]);
    sums[cell[i]] += (x[i] * oldWeights[i]) / psw;
    oldTotals[cell[i]] += oldWeights[i];
  }
  for (let c = 0; c < step.nCells; c++) sums[c] = oldTotals[c] === 0 ? 0 : sums[c] / oldTotals[c];
  for (let i = 0; i < x.length; i++) x[i] -= sums[cell[i]] * psWeight(newWeights[i], oldWeights[i]);
}

export function psWeight(newWeight: number, oldWeight: number): number {
  return newWeight === 0 && oldWeight === 0 ? 1 : newWeight;
}

/**
 * svyrecvar's `x <- x - psw * ave(x / psw, margin)`, repeated over the margins ten times. Each
 * margin's weights are the base weights times a factor constant on the joint cell of the raking
 * variables, so x stays `x0 - base * g[cell]` throughout and every pass runs on cell sums.
 */
function rakeResiduals(step: RakeStep, x: Float64Array): void {
  const { cell, baseWeights } = step;
  const ratioSums = new Float64Array(step.nCells);
  for (let i = 0; i < x.length; i++) {
    const base = baseWeights[i];
    if (base !== 0) ratioSums[cell[i]] += x[i] / base;
  }
  const shift = rakeShift(step, ratioSums);
  for (let i = 0; i < x.length; i++) x[i] -= baseWeights[i] * shift[cell[i]];
}
