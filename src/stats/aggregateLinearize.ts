import { psWeight } from "./calibrationResiduals.ts";
import type { CalibrationStep, Design } from "./designTypes.ts";
import { type MergedUnits, strataPresent, varianceFromTotals } from "./designVariance.ts";
import type { LinearizedEstimate, Statistic } from "./linearize.ts";
import { maskRows } from "./maskRows.ts";
import { rakeShift } from "./rakeProjection.ts";
import { type SparseCross, sparseCross, subtractCross } from "./sparseCross.ts";
import { type UnitClasses, unitClasses } from "./unitClasses.ts";

/** A categorical variable (one indicator per level) or one numeric variable; NaN / -1 is missing. */
export type Source = { codes: Int32Array; nLevels: number } | { values: Float64Array };

/**
 * The same result as `linearize` in one pass over the rows: every estimating function is
 * w (y - m) / W (or w y), so its totals per PSU and per calibration cell follow from weighted sums
 * per PSU and per cell, and calibration residuals act on cell sums. Null when the design has more
 * than one calibration step.
 */
export function aggregateLinearize(
  design: Design,
  source: Source,
  domain: Uint8Array | null,
  statistic: Statistic,
  withDeff: boolean,
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
  const classOf = classes?.classOf ?? null;
  const slots = levels + 1;
  const classSlotCount = new Float64Array(classes === null ? 0 : classes.count * slots);
  const nPsu = classes === null ? design.nPsu : 0;
  const psuWeight = new Float64Array(nPsu);
  const psuSum = new Float64Array(nPsu * levels);
  const cellWeight = new Float64Array(nCells);
  const cellSum = new Float64Array(nCells * levels);
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
  // Rows outside the domain or missing the variable add nothing but their class's count of rows left out,
  // which follows from the class sizes: visit only the others (a report asks for dozens of site domains, and
  // for code shares over one population's answered rows).
  const rows = rowsPresent(design.n, domain, codes, values);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    let level = codes === null ? 0 : codes[i];
    const y = values === null ? 1 : values[i];
    const w = weights[i];
    if (trackStrata) present[design.stratum[i]] = 1;
    if (w === 0) level = -1;
    if (classOf !== null) classSlotCount[classOf[i] * slots + (level < 0 ? levels : level)]++;
    if (level < 0) continue;
    const wy = w * y;
    weightSum += w;
    nobs++;
    sums[level] += wy;
    squares += wy * y;
    if (classOf === null) {
      const p = psu[i];
      psuWeight[p] += w;
      psuSum[p * levels + level] += wy;
    }
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
  const totals = new Float64Array(levels * units);
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
  const covariance = varianceFromTotals(design, totals, ssuTotals, levels, kept, merged);
  const estimates = statistic === "mean" ? means : sums;
  let deff: Float64Array | null = null;
  if (withDeff) {
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

/** The rows in the domain (all without one) where the variable is not missing, in increasing order. */
function rowsPresent(
  n: number,
  domain: Uint8Array | null,
  codes: Int32Array | null,
  values: Float64Array | null,
): Int32Array {
  const candidates = domain === null ? null : maskRows(domain);
  const count = candidates === null ? n : candidates.length;
  const rows = new Int32Array(count);
  let kept = 0;
  for (let j = 0; j < count; j++) {
    const i = candidates === null ? j : candidates[j];
    if (codes !== null ? codes[i] >= 0 : !Number.isNaN((values as Float64Array)[i])) rows[kept++] = i;
  }
  return rows.subarray(0, kept);
}

/** Counts every class's rows not visited (its size less the rows visited) in its left-out slot. */
function addRowsLeftOut(classes: UnitClasses, slotCount: Float64Array, slots: number): void {
  const sizes = classSizes(classes);
  for (let c = 0; c < classes.count; c++) {
    let visited = 0;
    for (let s = 0; s < slots; s++) visited += slotCount[c * slots + s];
    slotCount[c * slots + slots - 1] += sizes[c] - visited;
  }
}

const sizeCache = new WeakMap<UnitClasses, Float64Array>();

function classSizes(classes: UnitClasses): Float64Array {
  let sizes = sizeCache.get(classes);
  if (sizes === undefined) {
    sizes = new Float64Array(classes.count);
    for (const c of classes.classOf) sizes[c]++;
    sizeCache.set(classes, sizes);
  }
  return sizes;
}

/** Merged units: the (class, slot) pairs that hold rows, slot being a level or `levels` for rows left out. */
interface ClassUnits extends MergedUnits {
  unitClass: Int32Array;
  unitSlot: Int32Array;
}

function mergedUnits(design: Design, classes: UnitClasses, slotCount: Float64Array): ClassUnits {
  const slots = slotCount.length / classes.count;
  let active = 0;
  for (let k = 0; k < slotCount.length; k++) if (slotCount[k] > 0) active++;
  const count = new Float64Array(active);
  const unitClass = new Int32Array(active);
  const unitSlot = new Int32Array(active);
  const ofStratum: number[][] = Array.from({ length: design.nStrata }, () => []);
  let unit = 0;
  for (let k = 0; k < slotCount.length; k++) {
    if (!(slotCount[k] > 0)) continue;
    const classIndex = Math.floor(k / slots);
    count[unit] = slotCount[k];
    unitClass[unit] = classIndex;
    unitSlot[unit] = k - classIndex * slots;
    ofStratum[classes.stratum[classIndex]].push(unit);
    unit++;
  }
  return { count, ofStratum, unitClass, unitSlot };
}

/** The estimating function of level `level` for one row of each merged unit. */
function classTotals(
  totals: Float64Array,
  offset: number,
  classes: UnitClasses,
  units: ClassUnits,
  levels: number,
  level: number,
  mean: number,
  scale: number,
): void {
  const { unitClass, unitSlot } = units;
  for (let u = 0; u < unitClass.length; u++) {
    const slot = unitSlot[u];
    if (slot === levels) continue;
    const w = classes.weight[unitClass[u]];
    totals[offset + u] = ((slot === level ? w : 0) - mean * w) * scale;
  }
}

function subtractClassShift(
  totals: Float64Array,
  offset: number,
  classes: UnitClasses,
  units: ClassUnits,
  shift: Float64Array,
): void {
  const { unitClass } = units;
  for (let u = 0; u < unitClass.length; u++) {
    const k = unitClass[u];
    totals[offset + u] -= classes.multiplier[k] * shift[classes.cell[k]];
  }
}

interface CalibrationCache {
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

function calibrationCache(design: Design, step: CalibrationStep): CalibrationCache {
  let cache = caches.get(step);
  if (cache === undefined) {
    cache = buildCache(design, step);
    caches.set(step, cache);
  }
  return cache;
}

function buildCache(design: Design, step: CalibrationStep): CalibrationCache {
  const n = design.n;
  const ratio = new Float64Array(n);
  const multiplier = new Float64Array(n);
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
