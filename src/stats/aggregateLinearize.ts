import { calibrationCache } from "./calibrationCache.ts";
import {
  addRowsLeftOut,
  classLevelSums,
  classTotals,
  mergedUnits,
  subtractClassShift,
} from "./classUnitTotals.ts";
import { columnArray } from "./columnArray.ts";
import type { Design } from "./designTypes.ts";
import { strataPresent, varianceFromTotals } from "./designVariance.ts";
import type { LinearizedEstimate, Statistic } from "./linearize.ts";
import { maskRows } from "./maskRows.ts";
import { subtractCross } from "./sparseCross.ts";
import { unitClasses } from "./unitClasses.ts";

/**
 * A categorical variable (one indicator per level; codes may be whole numbers in a Float64Array, as
 * fewValues hands them out) or one numeric variable; a negative or NaN code, or a NaN value, is missing.
 */
export type Source = { codes: Int32Array | Float64Array; nLevels: number } | { values: Float64Array };

/**
 * The same result as `linearize` in one pass over the rows: every estimating function is
 * w (y - m) / W (or w y), so its totals per PSU and per calibration cell follow from weighted sums
 * per PSU and per cell, and calibration residuals act on cell sums. When rows merge into unit classes
 * (see unitClasses), the pass only counts rows per class and level. Null when the design has more
 * than one calibration step.
 */
export function aggregateLinearize(
  design: Design,
  source: Source,
  domain: Uint8Array | null,
  statistic: Statistic,
  withDeff: boolean,
  combine: LevelCombination | null = null,
): LinearizedEstimate | null {
  if (design.calibration.length > 1) return null;
  const calibration =
    design.calibration.length === 1 ? calibrationCache(design, design.calibration[0]) : null;
  const stage = design.secondStage !== null && design.popsize !== null ? design.secondStage : null;
  const levels = "codes" in source ? source.nLevels : 1;
  const { psu, weights } = design;
  const nCells = calibration?.nCells ?? 0;
  const codes = "codes" in source ? source.codes : null;
  const values = "values" in source ? source.values : null;
  const classes = codes === null ? null : unitClasses(design, calibration);
  const slots = levels + 1;
  const classSlotCount = columnArray(Float64Array, classes === null ? 0 : classes.count * slots);
  const nPsu = classes === null ? design.nPsu : 0;
  const psuWeight = columnArray(Float64Array, nPsu);
  const psuSum = columnArray(Float64Array, nPsu * levels);
  const cellWeight = new Float64Array(nCells);
  const cellSum = columnArray(Float64Array, nCells * levels);
  const ssuWeight = new Float64Array(stage?.nSsu ?? 0);
  const ssuSum = new Float64Array((stage?.nSsu ?? 0) * levels);
  const sums = new Float64Array(levels);
  const present = new Uint8Array(design.nStrata);
  // Only the "average" lonely-PSU rule depends on which strata a subset keeps (R drops rows only without calibration).
  const trackStrata = design.lonelyPsu === "average" && design.calibration.length === 0;
  let squares = 0;
  let weightSum = 0;
  let nobs = 0;
  const cell = calibration?.cell ?? null;
  const ratio = calibration?.ratio ?? null;
  // Rows outside the domain add nothing but their class's count of rows left out, which follows from the
  // class sizes: visit only the domain's rows (a report asks for dozens of site domains).
  const rows = domain === null ? null : maskRows(domain);
  const count = rows === null ? design.n : rows.length;
  if (classes !== null && codes !== null) {
    // Every row of a class has the class's weight, stratum, calibration cell and ratio: counting rows per
    // class and level is all the pass over the rows needs to do.
    for (let j = 0; j < count; j++) {
      const i = rows === null ? j : rows[j];
      const level = codes[i];
      if (level >= 0) classSlotCount[classes.classOf[i] * slots + level]++;
    }
    const totals = classLevelSums(classes, classSlotCount, levels, calibration, trackStrata ? present : null);
    weightSum = totals.weightSum;
    nobs = totals.nobs;
    squares = totals.weightSum;
    sums.set(totals.sums);
    cellWeight.set(totals.cellWeight);
    cellSum.set(totals.cellSum);
  }
  // Without classes (clusters, a second stage, a numeric variable), sums per PSU and per cell row by row.
  for (let j = 0; classes === null && j < count; j++) {
    const i = rows === null ? j : rows[j];
    let level = codes === null ? 0 : codes[i];
    const y = values === null ? 1 : values[i];
    // A row missing the variable counts only among its class's rows left out (addRowsLeftOut), as one
    // outside the domain does.
    if (!(level >= 0) || Number.isNaN(y)) continue;
    const w = weights[i];
    if (trackStrata) present[design.stratum[i]] = 1;
    if (w === 0) level = -1;
    if (level < 0) continue;
    const wy = w * y;
    weightSum += w;
    nobs++;
    sums[level] += wy;
    squares += wy * y;
    const p = psu[i];
    psuWeight[p] += w;
    psuSum[p * levels + level] += wy;
    if (cell !== null) {
      const k = cell[i];
      const q = w * (ratio as Float64Array)[i];
      cellWeight[k] += q;
      cellSum[k * levels + level] += q * y;
    }
    if (stage !== null) {
      const s = stage.ssu[i];
      ssuWeight[s] += w;
      ssuSum[s * levels + level] += wy;
    }
  }
  if (classes !== null) addRowsLeftOut(classes, classSlotCount, slots);
  const means = sums.map((sum) => sum / weightSum);
  const centre = statistic === "mean";
  const scale = centre ? 1 / weightSum : 1;
  const merged = classes === null ? null : mergedUnits(design, classes, classSlotCount);
  const units = merged === null ? nPsu : merged.count.length;
  const totals = columnArray(Float64Array, levels * units);
  const ssuTotals = stage === null ? null : new Float64Array(levels * stage.nSsu);
  for (let l = 0; l < levels; l++) {
    const m = centre ? means[l] : 0;
    for (let p = 0; p < nPsu; p++) totals[l * nPsu + p] = (psuSum[p * levels + l] - m * psuWeight[p]) * scale;
    if (merged !== null && classes !== null)
      classTotals(totals, l * units, classes, merged, levels, l, m, scale);
    if (ssuTotals !== null && stage !== null) {
      for (let s = 0; s < stage.nSsu; s++)
        ssuTotals[l * stage.nSsu + s] = (ssuSum[s * levels + l] - m * ssuWeight[s]) * scale;
    }
    if (calibration !== null) {
      const cellTotals = new Float64Array(nCells);
      for (let k = 0; k < nCells; k++) cellTotals[k] = (cellSum[k * levels + l] - m * cellWeight[k]) * scale;
      const shift = calibration.shift(cellTotals);
      if (merged !== null && classes !== null) subtractClassShift(totals, l * units, classes, merged, shift);
      else subtractCross(totals, l * nPsu, nPsu, calibration.psuCell, shift);
      if (ssuTotals !== null && calibration.ssuCell !== null && stage !== null) {
        subtractCross(ssuTotals, l * stage.nSsu, stage.nSsu, calibration.ssuCell, shift);
      }
    }
  }
  const kept = trackStrata ? present : strataPresent(design, null);
  const estimates = statistic === "mean" ? means : sums;
  const vectors = combine === null ? null : combine(estimates);
  const covariance =
    vectors === null
      ? varianceFromTotals(design, totals, ssuTotals, levels, kept, merged)
      : varianceFromTotals(
          design,
          combineLevels(totals, units, vectors),
          ssuTotals === null ? null : combineLevels(ssuTotals, stage?.nSsu ?? 0, vectors),
          vectors.length,
          kept,
          merged,
        );
  let deff: Float64Array | null = null;
  if (withDeff && vectors === null) {
    deff = new Float64Array(levels);
    for (let l = 0; l < levels; l++) {
      const sumSquares = codes !== null ? sums[l] : squares;
      const centred = sumSquares - 2 * means[l] * sums[l] + means[l] * means[l] * weightSum;
      let srs = ((((centred / weightSum) * nobs) / (nobs - 1)) * (weightSum - nobs)) / (weightSum * nobs);
      if (statistic === "total") srs *= weightSum * weightSum;
      deff[l] = covariance[l * levels + l] / srs;
    }
  }
  return { estimates, covariance, deff, nobs, weightSum };
}

/**
 * Linear combinations of the levels' estimating functions whose covariance is wanted instead of the levels'
 * own (a numeric variable's values, a difference of domain means): each a vector over the levels, given the
 * levels' estimates. The combined totals per unit cost one pass, where the levels' full covariance would
 * cost a pass per pair of levels.
 */
export type LevelCombination = (estimates: Float64Array) => Float64Array[];

function combineLevels(totals: Float64Array, units: number, vectors: Float64Array[]): Float64Array {
  const levels = totals.length / Math.max(units, 1);
  const out = columnArray(Float64Array, vectors.length * units);
  vectors.forEach((vector, c) => {
    for (let l = 0; l < levels; l++) {
      const factor = vector[l];
      if (factor === 0) continue;
      for (let u = 0; u < units; u++) out[c * units + u] += factor * totals[l * units + u];
    }
  });
  return out;
}

/** Whether the one-pass estimator merges this design's rows into unit classes (see unitClasses). */
export function mergesUnits(design: Design): boolean {
  if (design.calibration.length > 1) return false;
  const calibration =
    design.calibration.length === 1 ? calibrationCache(design, design.calibration[0]) : null;
  return unitClasses(design, calibration) !== null;
}
