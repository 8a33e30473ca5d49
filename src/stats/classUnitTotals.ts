import type { CalibrationCache } from "./calibrationCache.ts";
import { columnArray } from "./columnArray.ts";
import type { Design } from "./designTypes.ts";
import type { MergedUnits } from "./designVariance.ts";
import type { UnitClasses } from "./unitClasses.ts";

/**
 * From the rows counted per class and level: the weighted sums a pass over the rows would add up (rows of
 * zero weight are moved to their class's left-out slot, as the row-wise pass counts them), and the strata
 * with rows visited when `present` is given.
 */
export function classLevelSums(
  classes: UnitClasses,
  slotCount: Float64Array,
  levels: number,
  calibration: CalibrationCache | null,
  present: Uint8Array | null,
) {
  const slots = levels + 1;
  const nCells = calibration?.nCells ?? 0;
  const ratio = calibration === null ? null : classRatios(classes, calibration);
  const out = {
    weightSum: 0,
    nobs: 0,
    sums: new Float64Array(levels),
    cellWeight: new Float64Array(nCells),
    cellSum: columnArray(Float64Array, nCells * levels),
  };
  for (let c = 0; c < classes.count; c++) {
    const w = classes.weight[c];
    const base = c * slots;
    let visited = 0;
    for (let l = 0; l < levels; l++) visited += slotCount[base + l];
    if (visited === 0) continue;
    if (present !== null) present[classes.stratum[c]] = 1;
    if (w === 0) {
      for (let l = 0; l < levels; l++) slotCount[base + l] = 0;
      slotCount[base + levels] += visited;
      continue;
    }
    const k = classes.cell[c];
    const q = ratio === null ? 0 : w * ratio[c];
    for (let l = 0; l < levels; l++) {
      const rowsAt = slotCount[base + l];
      if (rowsAt === 0) continue;
      out.weightSum += rowsAt * w;
      out.nobs += rowsAt;
      out.sums[l] += rowsAt * w;
      if (ratio !== null) {
        out.cellWeight[k] += rowsAt * q;
        out.cellSum[k * levels + l] += rowsAt * q;
      }
    }
  }
  return out;
}

const ratioCache = new WeakMap<UnitClasses, Float64Array>();

/** The calibration ratio of each class (the same on all its rows: it follows from its weight, cell and multiplier). */
function classRatios(classes: UnitClasses, calibration: CalibrationCache): Float64Array {
  let ratios = ratioCache.get(classes);
  if (ratios === undefined) {
    ratios = new Float64Array(classes.count);
    for (let i = classes.classOf.length - 1; i >= 0; i--) ratios[classes.classOf[i]] = calibration.ratio[i];
    ratioCache.set(classes, ratios);
  }
  return ratios;
}

/** Counts every class's rows not visited (its size less the rows visited) in its left-out slot. */
export function addRowsLeftOut(classes: UnitClasses, slotCount: Float64Array, slots: number): void {
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
export interface ClassUnits extends MergedUnits {
  unitClass: Int32Array;
  unitSlot: Int32Array;
}

export function mergedUnits(design: Design, classes: UnitClasses, slotCount: Float64Array): ClassUnits {
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
export function classTotals(
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

export function subtractClassShift(
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
