import type { RakeStep } from "./designTypes.ts";

/** R's svyrecvar makes ten passes of the raking projection, whatever the raking itself needed. */
const RAKING_RESIDUAL_PASSES = 10;

/**
 * The fixed parts of svyrecvar's raking projection for one rake step. The cell shift is
 * g[c] = Σ_m f_m[c] a_m[level_m(c)], so the passes run on the margins' levels, not on the cells:
 * a margin's level sums need Σ r[c] / f_m[c] per level (once per column) and, for every other
 * margin, the coupling Σ count[c] f_m'[c] / f_m[c] per pair of levels (once per design).
 */
interface RakePlan {
  margins: number;
  nLevels: number[];
  /** Start of each margin's levels in the stacked level vector. */
  offsets: number[];
  totalLevels: number;
  /** Rows per level of each margin, stacked. */
  levelCounts: Float64Array;
  /** coupling[m][m'] (nLevels[m] x nLevels[m'], row-major). */
  coupling: Float64Array[][];
  /** Per margin, 1 / factor of each cell. */
  inverseFactors: Float64Array[];
}

const plans = new WeakMap<RakeStep, RakePlan>();

function planOf(step: RakeStep): RakePlan {
  const cached = plans.get(step);
  if (cached !== undefined) return cached;
  const { nCells, cellLevels, nLevels, cellFactors, cellCounts } = step;
  const margins = cellLevels.length;
  const offsets: number[] = [];
  let totalLevels = 0;
  for (let m = 0; m < margins; m++) {
    offsets.push(totalLevels);
    totalLevels += nLevels[m];
  }
  const levelCounts = new Float64Array(totalLevels);
  for (let m = 0; m < margins; m++)
    for (let c = 0; c < nCells; c++) levelCounts[offsets[m] + cellLevels[m][c]] += cellCounts[c];
  const coupling = Array.from({ length: margins }, (_, m) =>
    Array.from({ length: margins }, (_, other) => {
      const out = new Float64Array(nLevels[m] * nLevels[other]);
      const stride = nLevels[other];
      for (let c = 0; c < nCells; c++) {
        out[cellLevels[m][c] * stride + cellLevels[other][c]] +=
          (cellCounts[c] * cellFactors[other][c]) / cellFactors[m][c];
      }
      return out;
    }),
  );
  const inverseFactors = cellFactors.map((factors) => factors.map((factor) => 1 / factor));
  const plan = { margins, nLevels, offsets, totalLevels, levelCounts, coupling, inverseFactors };
  plans.set(step, plan);
  return plan;
}

/**
 * The cell shifts g of svyrecvar's `x - base * g[cell]` (ten passes of `x <- x - psw * ave(x / psw,
 * margin)` over the margins) from the cell sums of x / base. The passes are linear in the margins'
 * level sums, so they are run once per design on unit vectors and each column applies the result.
 */
export function rakeShift(step: RakeStep, ratioSums: Float64Array): Float64Array {
  const plan = planOf(step);
  const { margins, offsets, totalLevels } = plan;
  const { nCells, cellLevels, cellFactors } = step;
  const ratioLevelSums = new Float64Array(totalLevels);
  for (let m = 0; m < margins; m++) {
    const levels = cellLevels[m];
    const inverse = plan.inverseFactors[m];
    const offset = offsets[m];
    for (let c = 0; c < nCells; c++) ratioLevelSums[offset + levels[c]] += ratioSums[c] * inverse[c];
  }
  const response = responseOf(step, plan);
  const coefficients = new Float64Array(totalLevels);
  for (let k = 0; k < totalLevels; k++) {
    const r = ratioLevelSums[k];
    if (r === 0) continue;
    const column = k * totalLevels;
    for (let j = 0; j < totalLevels; j++) coefficients[j] += response[column + j] * r;
  }
  const shift = new Float64Array(nCells);
  for (let m = 0; m < margins; m++) {
    const levels = cellLevels[m];
    const factors = cellFactors[m];
    const offset = offsets[m];
    for (let c = 0; c < nCells; c++) shift[c] += factors[c] * coefficients[offset + levels[c]];
  }
  return shift;
}

const responses = new WeakMap<RakeStep, Float64Array>();

/** Per stacked level k, the coefficients the passes give for a unit level sum at k (row k of the map). */
function responseOf(step: RakeStep, plan: RakePlan): Float64Array {
  const cached = responses.get(step);
  if (cached !== undefined) return cached;
  const size = plan.totalLevels;
  const response = new Float64Array(size * size);
  const unit = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    unit.fill(0);
    unit[k] = 1;
    response.set(levelPasses(plan, unit), k * size);
  }
  responses.set(step, response);
  return response;
}

/** svyrecvar's passes over the margins, on the stacked level sums of x / f. */
function levelPasses(plan: RakePlan, ratioLevelSums: Float64Array): Float64Array {
  const { margins, nLevels, offsets, levelCounts, coupling } = plan;
  const coefficients = new Float64Array(plan.totalLevels);
  for (let pass = 0; pass < RAKING_RESIDUAL_PASSES; pass++) {
    for (let m = 0; m < margins; m++) {
      const offset = offsets[m];
      for (let l = 0; l < nLevels[m]; l++) {
        const count = levelCounts[offset + l];
        if (!(count > 0)) continue;
        let sum = ratioLevelSums[offset + l];
        for (let other = 0; other < margins; other++) {
          const row = coupling[m][other];
          const width = nLevels[other];
          const start = l * width;
          const otherOffset = offsets[other];
          for (let k = 0; k < width; k++) sum -= row[start + k] * coefficients[otherOffset + k];
        }
        coefficients[offset + l] += sum / count;
      }
    }
  }
  return coefficients;
}
