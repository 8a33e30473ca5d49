import { psWeight } from "./calibrationResiduals.ts";
import { columnArray } from "./columnArray.ts";
import type { CalibrationStep, Design } from "./designTypes.ts";
import { rakeShift } from "./rakeProjection.ts";
import { type SparseCross, sparseCross } from "./sparseCross.ts";

export interface CalibrationCache {
  cell: Int32Array;
  nCells: number;
  /** Per row, what the cell's residual shift is multiplied by. */
  multiplier: Float64Array;
  /** Per row, the factor turning an estimating function into what the step sums per cell. */
  ratio: Float64Array;
  /** Per PSU × cell (and SSU × cell) present: sums of the weights the residual shift multiplies. */
  psuCell: SparseCross;
  ssuCell: SparseCross | null;
  /** Cell shifts from cell sums. */
  shift: (cellSums: Float64Array) => Float64Array;
}

const caches = new WeakMap<CalibrationStep, CalibrationCache>();

export function calibrationCache(design: Design, step: CalibrationStep): CalibrationCache {
  let cache = caches.get(step);
  if (cache === undefined) {
    cache = buildCache(design, step);
    caches.set(step, cache);
  }
  return cache;
}

function buildCache(design: Design, step: CalibrationStep): CalibrationCache {
  const n = design.n;
  const ratio = columnArray(Float64Array, n);
  const multiplier = columnArray(Float64Array, n);
  if (step.kind === "rake") {
    for (let i = 0; i < n; i++) {
      const base = step.baseWeights[i];
      ratio[i] = base === 0 ? 0 : 1 / base;
      multiplier[i] = base;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const psw = psWeight(step.newWeights[i], step.oldWeights[i]);
      ratio[i] = step.oldWeights[i] / psw;
      multiplier[i] = psw;
    }
  }
  const cross = (unit: Int32Array, units: number) =>
    sparseCross(unit, units, step.cell, step.nCells, multiplier);
  const stage = design.secondStage;
  let shift: (cellSums: Float64Array) => Float64Array;
  if (step.kind === "rake") {
    shift = (cellSums) => rakeShift(step, cellSums);
  } else {
    const oldTotals = new Float64Array(step.nCells);
    for (let i = 0; i < n; i++) oldTotals[step.cell[i]] += step.oldWeights[i];
    shift = (cellSums) => cellSums.map((sum, k) => (oldTotals[k] === 0 ? 0 : sum / oldTotals[k]));
  }
  return {
    cell: step.cell,
    nCells: step.nCells,
    ratio,
    multiplier,
    psuCell: cross(design.psu, design.nPsu),
    ssuCell: stage === null ? null : cross(stage.ssu, stage.nSsu),
    shift,
  };
}
