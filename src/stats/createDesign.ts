import { ParallaxError } from "../errors.ts";
import { columnArray } from "./columnArray.ts";
import type { Design, DesignSpec, LonelyPsu, SecondStage } from "./designTypes.ts";
import type { Column, Frame } from "./frame.ts";
import { asCategorical } from "./frame.ts";
import { groupCodes } from "./groupCodes.ts";

const LONELY: LonelyPsu[] = ["fail", "remove", "certainty", "adjust", "average"];
/** R's onestrat treats a stratum whose sampling fraction is this close to 1 as self-representing. */
export const CERTAINTY_TOLERANCE = 1e-7;

/** Builds a survey design as `svydesign(ids, strata, weights, fpc, nest)` does. */
export function createDesign(frame: Frame, spec: DesignSpec = {}): Design {
  const n = frame.n;
  const ids = spec.ids ?? [];
  const fpcNames = spec.fpc ?? [];
  const lonelyPsu = spec.lonelyPsu ?? "fail";
  if (!LONELY.includes(lonelyPsu))
    invalid("design.lonelyPsu", `must be one of ${LONELY.join(", ")}`, "SPEC_INVALID");
  if (ids.length > 2) invalid("design.ids", "at most two sampling stages are supported", "SPEC_INVALID");
  if (fpcNames.length > 0 && fpcNames.length !== Math.max(1, ids.length)) {
    invalid("design.fpc", "give one fpc column per sampling stage", "SPEC_INVALID");
  }
  const strataColumn = spec.strata === undefined ? null : column(frame, spec.strata, "design.strata");
  const idColumns = ids.map((name, stage) => column(frame, name, `design.ids[${stage}]`));
  const fpcColumns = fpcNames.map((name, stage) => numeric(frame, name, `design.fpc[${stage}]`));
  const strata =
    strataColumn === null ? { codes: new Int32Array(n), count: 1 } : groupCodes([strataColumn], n);
  requireComplete(strata.codes, "design.strata");
  const strataLabels = strataLabelsOf(strataColumn, strata.codes, strata.count);
  const psuKeys: Array<Column | Int32Array> = idColumns.length === 0 ? [rowNumbers(n)] : [idColumns[0]];
  if (spec.nest) psuKeys.unshift(strata.codes);
  const psu = groupCodes(psuKeys, n);
  requireComplete(psu.codes, "design.ids[0]");
  if (psu.count === 1 && !(spec.nest && strataColumn !== null))
    invalid("design.ids", "the design has only one PSU");
  const psuStratum = columnArray(Int32Array, psu.count).fill(-1);
  for (let i = 0; i < n; i++) {
    const previous = psuStratum[psu.codes[i]];
    if (previous >= 0 && previous !== strata.codes[i]) {
      invalid(
        "design.ids[0]",
        "clusters are not nested in strata; set design.nest to true if ids repeat across strata",
      );
    }
    psuStratum[psu.codes[i]] = strata.codes[i];
  }
  const psuPerStratum = new Int32Array(strata.count);
  for (const h of psuStratum) psuPerStratum[h]++;
  const fractions = fpcColumns.length > 0 ? fpcKind(fpcColumns) : false;
  const popsize =
    fpcColumns.length > 0
      ? stagePopsize(fpcColumns[0], strata.codes, psuPerStratum, fractions, "design.fpc[0]")
      : null;
  let secondStage: SecondStage | null = null;
  if (idColumns.length === 2) {
    const ssu = groupCodes([psu.codes, idColumns[1]], n);
    requireComplete(ssu.codes, "design.ids[1]");
    const ssuPerPsu = new Int32Array(psu.count);
    const counted = new Uint8Array(ssu.count);
    for (let i = 0; i < n; i++) {
      if (counted[ssu.codes[i]] === 0) {
        counted[ssu.codes[i]] = 1;
        ssuPerPsu[psu.codes[i]]++;
      }
    }
    if (fpcColumns.length === 2) {
      const popsize2 = stagePopsize(fpcColumns[1], psu.codes, ssuPerPsu, fractions, "design.fpc[1]");
      secondStage = { ssu: ssu.codes, nSsu: ssu.count, ssuPerPsu, popsize: popsize2 };
    }
  }
  const weights = designWeights(frame, spec, n, popsize, psuPerStratum, strata.codes, secondStage, psu.codes);
  const design: Design = {
    frame,
    n,
    weights,
    stratum: strata.codes,
    nStrata: strata.count,
    strataLabels,
    psu: psu.codes,
    nPsu: psu.count,
    psuStratum,
    psuPerStratum,
    popsize,
    secondStage,
    lonelyPsu,
    calibration: [],
  };
  if (lonelyPsu === "fail") checkLonely(design);
  return design;
}

function designWeights(
  frame: Frame,
  spec: DesignSpec,
  n: number,
  popsize: Float64Array | null,
  psuPerStratum: Int32Array,
  stratum: Int32Array,
  secondStage: SecondStage | null,
  psu: Int32Array,
): Float64Array {
  if (spec.weights !== undefined) {
    const values = numeric(frame, spec.weights, "design.weights");
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(values[i])) invalid("design.weights", `missing weight on row ${i + 1}`);
    }
    return values.slice();
  }
  const weights = columnArray(Float64Array, n).fill(1);
  if (popsize === null) return weights;
  for (let i = 0; i < n; i++) {
    weights[i] = popsize[stratum[i]] / psuPerStratum[stratum[i]];
    if (secondStage !== null) weights[i] *= secondStage.popsize[psu[i]] / secondStage.ssuPerPsu[psu[i]];
  }
  return weights;
}

/** True when the fpc columns are sampling fractions; R refuses a mix of both readings. */
function fpcKind(columns: Float64Array[]): boolean {
  let anyAboveOne = false;
  let allAtLeastOne = true;
  for (const [stage, values] of columns.entries()) {
    for (let i = 0; i < values.length; i++) {
      if (Number.isNaN(values[i])) invalid(`design.fpc[${stage}]`, `missing fpc on row ${i + 1}`);
      if (values[i] > 1) anyAboveOne = true;
      if (values[i] < 1) allAtLeastOne = false;
    }
  }
  if (anyAboveOne !== allAtLeastOne)
    invalid("design.fpc", "must be all population sizes (>= 1) or all fractions (<= 1)");
  return !anyAboveOne;
}

function stagePopsize(
  values: Float64Array,
  unit: Int32Array,
  sampled: Int32Array,
  fractions: boolean,
  path: string,
): Float64Array {
  const popsize = new Float64Array(sampled.length).fill(Number.NaN);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(popsize[unit[i]])) {
      popsize[unit[i]] = fractions ? sampled[unit[i]] / values[i] : values[i];
    }
  }
  for (let u = 0; u < sampled.length; u++) {
    if (popsize[u] < sampled[u]) invalid(path, "the fpc implies more than 100% sampling");
  }
  return popsize;
}

function checkLonely(design: Design): void {
  for (let h = 0; h < design.nStrata; h++) {
    const f = design.popsize === null ? 1 : samplingComplement(design.popsize[h], 1);
    if (design.psuPerStratum[h] === 1 && f >= CERTAINTY_TOLERANCE) {
      invalid("design.strata", `stratum ${design.strataLabels[h]} has only one PSU (lonelyPsu is "fail")`);
    }
  }
  const stage = design.secondStage;
  if (stage === null) return;
  for (let p = 0; p < design.nPsu; p++) {
    if (stage.ssuPerPsu[p] === 1 && samplingComplement(stage.popsize[p], 1) >= CERTAINTY_TOLERANCE) {
      invalid("design.ids[1]", `a PSU has only one second-stage unit (lonelyPsu is "fail")`);
    }
  }
}

/** (N - n) / N, the finite population correction of onestrat (1 when N is infinite). */
export function samplingComplement(popsize: number, sampled: number): number {
  return popsize === Number.POSITIVE_INFINITY ? 1 : (popsize - sampled) / popsize;
}

function strataLabelsOf(column: Column | null, codes: Int32Array, count: number): string[] {
  if (column === null) return ["1"];
  const labels = new Array<string>(count);
  const categorical = asCategorical(column);
  for (let i = 0; i < codes.length; i++) labels[codes[i]] ??= categorical.levels[categorical.codes[i]];
  return labels;
}

function rowNumbers(n: number): Int32Array {
  const out = columnArray(Int32Array, n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function requireComplete(codes: Int32Array, path: string): void {
  const row = codes.indexOf(-1);
  if (row >= 0) invalid(path, `missing value on row ${row + 1}`);
}

export function column(frame: Frame, name: string, path: string): Column {
  const found = frame.columns.get(name);
  if (found === undefined) {
    throw new ParallaxError("SPEC_INVALID", `No column named ${name}`, [
      { path, message: `column ${name} is not in the data` },
    ]);
  }
  return found;
}

function numeric(frame: Frame, name: string, path: string): Float64Array {
  const found = column(frame, name, path);
  if (found.kind !== "numeric") invalid(path, `column ${name} must be numeric`, "SPEC_INVALID");
  return found.values;
}

function invalid(
  path: string,
  message: string,
  code: "DESIGN_INVALID" | "SPEC_INVALID" = "DESIGN_INVALID",
): never {
  throw new ParallaxError(code, message, [{ path, message }]);
}
