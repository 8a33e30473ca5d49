import { columnArray } from "./columnArray.ts";
import type { Design } from "./designTypes.ts";

/**
 * Rows that are their own PSU and share stratum, weight, calibration cell and calibration multiplier
 * have the same estimating function for every level of a categorical variable, so the design
 * variance can sum over these classes, each counted as many times as it has rows.
 */
export interface UnitClasses {
  classOf: Int32Array;
  count: number;
  stratum: Int32Array;
  weight: Float64Array;
  /** What the calibration shift of the class's cell is multiplied by (0 without calibration). */
  multiplier: Float64Array;
  cell: Int32Array;
}

/** Calibration cell and multiplier of each row, as the one-pass estimator residualises them. */
export interface RowCalibration {
  cell: Int32Array;
  nCells: number;
  multiplier: Float64Array;
}

/** Merging only pays when the classes are far fewer than the rows. */
const MAX_CLASS_SHARE = 0.25;

interface CacheEntry {
  stratum: Int32Array;
  calibration: RowCalibration | null;
  classes: UnitClasses | null;
}

/** Designs made from one frame may share a weights array, so the strata and calibration are checked too. */
const cache = new WeakMap<Float64Array, CacheEntry>();

/** The classes of a design without clusters or a second stage; null when they would not save work. */
export function unitClasses(design: Design, calibration: RowCalibration | null): UnitClasses | null {
  if (design.nPsu !== design.n || design.secondStage !== null) return null;
  const cached = cache.get(design.weights);
  if (cached !== undefined && cached.calibration === calibration && cached.stratum === design.stratum)
    return cached.classes;
  const classes = buildClasses(design, calibration);
  cache.set(design.weights, { stratum: design.stratum, calibration, classes });
  return classes;
}

function buildClasses(design: Design, calibration: RowCalibration | null): UnitClasses | null {
  const { n, weights, stratum } = design;
  const limit = Math.floor(n * MAX_CLASS_SHARE);
  const classOf = columnArray(Int32Array, n);
  const groups = new Map<number, Map<number, Map<number, number>>>();
  const classStratum: number[] = [];
  const classWeight: number[] = [];
  const classMultiplier: number[] = [];
  const classCell: number[] = [];
  const nCells = calibration === null ? 1 : Math.max(1, calibration.nCells);
  for (let i = 0; i < n; i++) {
    const cell = calibration === null ? 0 : calibration.cell[i];
    const multiplier = calibration === null ? 0 : calibration.multiplier[i];
    const key = stratum[i] * nCells + cell;
    let byWeight = groups.get(key);
    if (byWeight === undefined) {
      byWeight = new Map();
      groups.set(key, byWeight);
    }
    let byMultiplier = byWeight.get(weights[i]);
    if (byMultiplier === undefined) {
      byMultiplier = new Map();
      byWeight.set(weights[i], byMultiplier);
    }
    let id = byMultiplier.get(multiplier);
    if (id === undefined) {
      id = classStratum.length;
      if (id >= limit) return null;
      byMultiplier.set(multiplier, id);
      classStratum.push(stratum[i]);
      classWeight.push(weights[i]);
      classMultiplier.push(multiplier);
      classCell.push(cell);
    }
    classOf[i] = id;
  }
  return {
    classOf,
    count: classStratum.length,
    stratum: Int32Array.from(classStratum),
    weight: Float64Array.from(classWeight),
    multiplier: Float64Array.from(classMultiplier),
    cell: Int32Array.from(classCell),
  };
}
