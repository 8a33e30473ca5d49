import { ParallaxError } from "../errors.ts";
import { calibrationResiduals } from "./calibrationResiduals.ts";
import { columnArray } from "./columnArray.ts";
import { CERTAINTY_TOLERANCE, samplingComplement } from "./createDesign.ts";
import type { Design } from "./designTypes.ts";

/**
 * The Taylor-linearised covariance (p x p, row-major) of estimators whose estimating functions are
 * the given columns, as R's svyrecvar: calibration residuals, then the between-PSU variance within
 * strata with fpc and lonely-PSU rules, plus the second stage when both stages have an fpc.
 * The columns are overwritten by their calibration residuals. `rowsKept` marks (nonzero) the rows
 * of `design[subset, ]` when R drops the others, which it does for designs without calibration:
 * only the strata left count when the "average" rule rescales for lonely PSUs.
 */
export function designVariance(
  design: Design,
  columns: Float64Array[],
  rowsKept: Float64Array | null = null,
): Float64Array {
  if (design.calibration.length > 0) calibrationResiduals(design.calibration, columns);
  const stage = design.secondStage;
  const ssuTotals =
    stage !== null && design.popsize !== null ? unitTotals(stage.ssu, stage.nSsu, columns) : null;
  return varianceFromTotals(
    design,
    unitTotals(design.psu, design.nPsu, columns),
    ssuTotals,
    columns.length,
    strataPresent(design, rowsKept),
  );
}

/**
 * The same covariance from the estimating functions' totals per PSU (p blocks of nPsu) and, when
 * the second stage counts, per SSU (p blocks of nSsu); `present` flags the strata left in the subset.
 */
export function varianceFromTotals(
  design: Design,
  totals: Float64Array,
  ssuTotals: Float64Array | null,
  p: number,
  present: Uint8Array,
  merged: MergedUnits | null = null,
): Float64Array {
  const variance = new Float64Array(p * p);
  let okStrata = 0;
  let presentStrata = 0;
  const strataOf = merged === null ? unitsOfStrata(design) : merged.ofStratum;
  const stride = merged === null ? design.nPsu : merged.count.length;
  const counts = merged === null ? null : merged.count;
  for (let h = 0; h < design.nStrata; h++) {
    if (present[h] === 0) continue;
    presentStrata++;
    const sampled = design.psuPerStratum[h];
    const f = design.popsize === null ? 1 : samplingComplement(design.popsize[h], sampled);
    const fail = () => lonelyError(`stratum ${design.strataLabels[h]} has only one PSU`);
    if (
      stratumVariance(totals, stride, p, strataOf[h], counts, sampled, f, design.lonelyPsu, variance, 1, fail)
    )
      okStrata++;
  }
  if (okStrata !== presentStrata) {
    const scale = okStrata === 0 ? 0 : presentStrata / okStrata;
    for (let k = 0; k < variance.length; k++) variance[k] *= scale;
  }
  const stage = design.secondStage;
  if (stage !== null && design.popsize !== null && ssuTotals !== null) {
    const unitsOf = unitsOfPsus(design);
    for (let psu = 0; psu < design.nPsu; psu++) {
      const h = design.psuStratum[psu];
      const firstStageFraction = design.psuPerStratum[h] / design.popsize[h];
      const sampled = stage.ssuPerPsu[psu];
      const f = samplingComplement(stage.popsize[psu], sampled);
      const fail = () => lonelyError("a PSU has only one second-stage unit");
      stratumVariance(
        ssuTotals,
        stage.nSsu,
        p,
        unitsOf[psu],
        null,
        sampled,
        f,
        design.lonelyPsu,
        variance,
        firstStageFraction,
        fail,
      );
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) variance[a * p + b] = variance[b * p + a];
  return variance;
}

const strataUnits = new WeakMap<Int32Array, number[][]>();

function unitsOfStrata(design: Design): number[][] {
  let units = strataUnits.get(design.psuStratum);
  if (units === undefined) {
    units = groupUnits(design.psuStratum, design.nStrata);
    strataUnits.set(design.psuStratum, units);
  }
  return units;
}

function unitsOfPsus(design: Design): number[][] {
  const stage = design.secondStage as NonNullable<Design["secondStage"]>;
  let units = strataUnits.get(stage.ssu);
  if (units === undefined) {
    const ssuPsu = new Int32Array(stage.nSsu);
    for (let i = 0; i < design.n; i++) ssuPsu[stage.ssu[i]] = design.psu[i];
    units = groupUnits(ssuPsu, design.nPsu);
    strataUnits.set(stage.ssu, units);
  }
  return units;
}

/**
 * Units standing for several identical PSUs: totals per merged unit (stride count.length), how
 * many PSUs each stands for, and the merged units of each stratum.
 */
export interface MergedUnits {
  count: Float64Array;
  ofStratum: number[][];
}

/**
 * Adds one stratum's contribution (onestrat) to the upper triangle; false when it is an "average"
 * lonely stratum. `counts` (or null for 1) says how many PSUs each unit stands for.
 */
function stratumVariance(
  totals: Float64Array,
  stride: number,
  p: number,
  units: number[],
  counts: Float64Array | null,
  sampled: number,
  f: number,
  lonelyPsu: Design["lonelyPsu"],
  variance: Float64Array,
  multiplier: number,
  fail: () => never,
): boolean {
  if (f < CERTAINTY_TOLERANCE) return true;
  let centre = true;
  let scale = f;
  if (sampled > 1) scale = (f * sampled) / (sampled - 1);
  else if (lonelyPsu === "fail") fail();
  else if (lonelyPsu === "average") return false;
  else if (lonelyPsu === "adjust") centre = false;
  const means = new Float64Array(p);
  if (centre) {
    for (let a = 0; a < p; a++) {
      let sum = 0;
      for (const unit of units) sum += totals[a * stride + unit] * (counts === null ? 1 : counts[unit]);
      means[a] = sum / sampled;
    }
  }
  const deviation = new Float64Array(p);
  for (const unit of units) {
    const weight = scale * multiplier * (counts === null ? 1 : counts[unit]);
    for (let a = 0; a < p; a++) deviation[a] = totals[a * stride + unit] - means[a];
    for (let a = 0; a < p; a++) {
      const da = deviation[a] * weight;
      if (da === 0) continue;
      for (let b = a; b < p; b++) variance[a * p + b] += da * deviation[b];
    }
  }
  return true;
}

export function strataPresent(design: Design, rowsKept: Float64Array | null): Uint8Array {
  const present = new Uint8Array(design.nStrata);
  if (rowsKept === null || design.calibration.length > 0) return present.fill(1);
  for (let i = 0; i < design.n; i++) if (rowsKept[i] !== 0) present[design.stratum[i]] = 1;
  return present;
}

function unitTotals(unit: Int32Array, count: number, columns: Float64Array[]): Float64Array {
  const totals = columnArray(Float64Array, columns.length * count);
  columns.forEach((x, a) => {
    const offset = a * count;
    for (let i = 0; i < x.length; i++) totals[offset + unit[i]] += x[i];
  });
  return totals;
}

function groupUnits(groupOfUnit: Int32Array, groups: number): number[][] {
  const out: number[][] = Array.from({ length: groups }, () => []);
  groupOfUnit.forEach((group, unit) => {
    out[group].push(unit);
  });
  return out;
}

function lonelyError(message: string): never {
  throw new ParallaxError("DESIGN_INVALID", message, [
    { path: "design.lonelyPsu", message: `${message} and lonelyPsu is "fail"` },
  ]);
}
