import type { Design } from "./designTypes.ts";
import { pchisqUpper, pfUpper } from "./distributions.ts";
import { categoricalOf } from "./domains.ts";
import { type CategoricalColumn, MISSING_CODE } from "./frame.ts";
import { type Matrix, matrix, multiply, solve, trace, transpose } from "./linearAlgebra.ts";
import { linearizeSource } from "./linearize.ts";
import { scratchCodes } from "./scratchCodes.ts";

export interface RaoScottResult {
  statistic: "F" | "Chisq";
  /** F: Pearson's X² over the mean eigenvalue sum; Chisq: Pearson's X² itself (as svychisq prints it). */
  value: number;
  /** F: [numerator, denominator] df; Chisq: [(r-1)(c-1)]. */
  df: number[];
  p: number;
  /** Pearson's X² on the weighted table scaled to the sample size. */
  pearson: number;
}

/**
 * svychisq(~rows + cols, design, statistic): Rao–Scott's second-order corrected F (the default) or
 * the first-order corrected chi-squared, with the design effect matrix of the cell proportions.
 */
export function raoScott(
  design: Design,
  rows: string,
  cols: string,
  statistic: "F" | "Chisq" = "F",
  path = "estimate",
): RaoScottResult {
  const rowColumn = observedLevels(categoricalOf(design.frame, rows, `${path}.rows`));
  const colColumn = observedLevels(categoricalOf(design.frame, cols, `${path}.cols`));
  const nr = rowColumn.levels.length;
  const nc = colColumn.levels.length;
  const n = design.n;
  const cells = nr * nc;
  const cell = scratchCodes("raoScott", n);
  const table = new Float64Array(cells);
  for (let i = 0; i < n; i++) {
    const r = rowColumn.codes[i];
    const c = colColumn.codes[i];
    if (r === MISSING_CODE || c === MISSING_CODE) {
      cell[i] = MISSING_CODE;
      continue;
    }
    cell[i] = r + nr * c;
    table[r + nr * c] += design.weights[i];
  }
  const pearson = pearsonStatistic(table, nr, nc, n);
  const { estimates, covariance } = linearizeSource(design, { codes: cell, nLevels: cells }, null, "mean");
  const delta = designEffectMatrix(estimates, covariance, nr, nc, n);
  const traceDelta = trace(delta);
  const traceSquared = trace(multiply(delta, delta));
  const nu = designDegf(design);
  if (statistic === "Chisq") {
    const dfChisq = delta.cols;
    return {
      statistic,
      value: pearson,
      df: [dfChisq],
      p: pchisqUpper(pearson / (traceDelta / dfChisq), dfChisq),
      pearson,
    };
  }
  const d0 = (traceDelta * traceDelta) / traceSquared;
  const value = pearson / traceDelta;
  return { statistic, value, df: [d0, d0 * nu], p: pfUpper(value, d0, d0 * nu), pearson };
}

/** Δ = (C' D⁻¹ C / N)⁻¹ C' D⁻¹ V D⁻¹ C, with C the interaction contrasts orthogonal to the main effects. */
function designEffectMatrix(
  means: Float64Array,
  covariance: Float64Array,
  nr: number,
  nc: number,
  total: number,
): Matrix {
  const cells = nr * nc;
  const main = matrix(cells, nr + nc - 1);
  const interaction = matrix(cells, (nr - 1) * (nc - 1));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const cell = r + nr * c;
      main.data[cell * main.cols] = 1;
      if (r > 0) main.data[cell * main.cols + r] = 1;
      if (c > 0) main.data[cell * main.cols + nr - 1 + c] = 1;
      if (r > 0 && c > 0) interaction.data[cell * interaction.cols + (r - 1) + (nr - 1) * (c - 1)] = 1;
    }
  }
  const mainT = transpose(main);
  const projection = multiply(main, solve(multiply(mainT, main), multiply(mainT, interaction)));
  const contrasts = matrix(cells, interaction.cols);
  for (let k = 0; k < contrasts.data.length; k++)
    contrasts.data[k] = interaction.data[k] - projection.data[k];
  const scaled = matrix(cells, contrasts.cols);
  for (let cell = 0; cell < cells; cell++) {
    const inverse = means[cell] === 0 ? 0 : 1 / means[cell];
    for (let j = 0; j < contrasts.cols; j++)
      scaled.data[cell * contrasts.cols + j] = contrasts.data[cell * contrasts.cols + j] * inverse;
  }
  const scaledT = transpose(scaled);
  const denominator = multiply(transpose(contrasts), scaled);
  for (let k = 0; k < denominator.data.length; k++) denominator.data[k] /= total;
  const v: Matrix = { rows: cells, cols: cells, data: covariance };
  const numerator = multiply(multiply(scaledT, v), scaled);
  return solve(denominator, numerator);
}

function pearsonStatistic(table: Float64Array, nr: number, nc: number, total: number): number {
  let sum = 0;
  for (const value of table) sum += value;
  const scale = total / sum;
  const rowTotals = new Float64Array(nr);
  const colTotals = new Float64Array(nc);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      rowTotals[r] += table[r + nr * c] * scale;
      colTotals[c] += table[r + nr * c] * scale;
    }
  }
  let statistic = 0;
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const expected = (rowTotals[r] * colTotals[c]) / total;
      const difference = table[r + nr * c] * scale - expected;
      statistic += (difference * difference) / expected;
    }
  }
  return statistic;
}

/** svychisq's nu: distinct PSUs minus distinct strata over every row of the design. */
function designDegf(design: Design): number {
  return design.nPsu - design.nStrata;
}

const observedCache = new WeakMap<CategoricalColumn, CategoricalColumn>();

/** factor(x) keeps only the levels that occur (remembered per column: a report tests each site column often). */
function observedLevels(column: CategoricalColumn): CategoricalColumn {
  let observed = observedCache.get(column);
  if (observed === undefined) {
    observed = dropUnobserved(column);
    observedCache.set(column, observed);
  }
  return observed;
}

function dropUnobserved(column: CategoricalColumn): CategoricalColumn {
  const used = new Int32Array(column.levels.length).fill(-1);
  for (const code of column.codes) if (code !== MISSING_CODE) used[code] = 0;
  const levels: string[] = [];
  column.levels.forEach((level, k) => {
    if (used[k] === 0) {
      used[k] = levels.length;
      levels.push(level);
    }
  });
  if (levels.length === column.levels.length) return column;
  const codes = column.codes.map((code) => (code === MISSING_CODE ? MISSING_CODE : used[code]));
  return { kind: "categorical", codes, levels };
}
