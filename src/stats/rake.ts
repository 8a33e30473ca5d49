import { columnArray } from "./columnArray.ts";
import type { Design, RakeStep } from "./designTypes.ts";
import { groupCodes } from "./groupCodes.ts";
import { type Margin, marginColumn, marginTargets } from "./postStratify.ts";

export interface RakeControl {
  /** Below 1: relative to the sum of weights; otherwise absolute (R's rule). Default 1, as R. */
  epsilon?: number;
  /** Default 10, as R. */
  maxit?: number;
  /** Where to point errors in a spec, e.g. "calibrate". */
  path?: string;
}

export interface RakeReport {
  /** Passes over all margins that were made (R's `iter`, plus one for the pass that converged). */
  iterations: number;
  converged: boolean;
  /** Largest change of a cell of the joint weighted table in the last pass (R's `delta`). */
  maxChange: number;
}

/**
 * rake(design, margins, control = list(epsilon, maxit)): iterative post-stratification on each
 * margin in turn until no cell of the joint table of the raking variables moves by epsilon or more.
 * Every factor is constant on a joint cell, so the passes run on cell totals.
 */
export function rake(
  design: Design,
  margins: Margin[],
  control: RakeControl = {},
): { design: Design; report: RakeReport } {
  const path = control.path ?? "calibrate";
  const maxit = control.maxit ?? 10;
  const epsilonSetting = control.epsilon ?? 1;
  const columns = margins.map((margin, k) => marginColumn(design, margin, `${path}.margins[${k}]`));
  const joint = groupCodes(columns, design.n);
  const nCells = joint.count;
  const cellLevels = columns.map(() => new Int32Array(nCells));
  const cellBase = new Float64Array(nCells);
  const cellCounts = new Float64Array(nCells);
  let weightSum = 0;
  const firstRow = new Int32Array(nCells).fill(-1);
  for (let i = 0; i < design.n; i++) {
    const c = joint.codes[i];
    cellBase[c] += design.weights[i];
    cellCounts[c]++;
    weightSum += design.weights[i];
    if (firstRow[c] < 0) firstRow[c] = i;
  }
  columns.forEach((column, k) => {
    for (let c = 0; c < nCells; c++) cellLevels[k][c] = column.codes[firstRow[c]];
  });
  const targets = margins.map((margin, k) => {
    const sampleTotals = new Float64Array(columns[k].levels.length);
    for (let c = 0; c < nCells; c++) sampleTotals[cellLevels[k][c]] += cellBase[c];
    return marginTargets(columns[k], margin, `${path}.margins[${k}]`, false, sampleTotals);
  });
  const epsilon = epsilonSetting < 1 ? epsilonSetting * weightSum : epsilonSetting;
  const factor = new Float64Array(nCells).fill(1);
  const cellFactors = columns.map(() => new Float64Array(nCells));
  let previous = Float64Array.from(cellBase);
  let iterations = 0;
  let converged = false;
  let maxChange = Number.POSITIVE_INFINITY;
  while (iterations < maxit) {
    for (let k = 0; k < columns.length; k++) {
      const levels = cellLevels[k];
      const sums = new Float64Array(columns[k].levels.length);
      for (let c = 0; c < nCells; c++) sums[levels[c]] += cellBase[c] * factor[c];
      for (let c = 0; c < nCells; c++) {
        const sum = sums[levels[c]];
        if (sum > 0) factor[c] *= targets[k][levels[c]] / sum;
      }
      cellFactors[k].set(factor);
    }
    const current = new Float64Array(nCells);
    maxChange = 0;
    for (let c = 0; c < nCells; c++) {
      current[c] = cellBase[c] * factor[c];
      maxChange = Math.max(maxChange, Math.abs(current[c] - previous[c]));
    }
    if (maxChange < epsilon) {
      converged = true;
      break;
    }
    previous = current;
    iterations++;
  }
  const weights = columnArray(Float64Array, design.n);
  for (let i = 0; i < design.n; i++) weights[i] = design.weights[i] * factor[joint.codes[i]];
  const step: RakeStep = {
    kind: "rake",
    cell: joint.codes,
    nCells,
    baseWeights: design.weights,
    cellLevels,
    nLevels: columns.map((column) => column.levels.length),
    cellFactors,
    cellCounts,
  };
  return {
    design: { ...design, weights, calibration: [...design.calibration, step] },
    report: { iterations: converged ? iterations + 1 : iterations, converged, maxChange },
  };
}
