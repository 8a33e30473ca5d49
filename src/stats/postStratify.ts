import { ParallaxError } from "../errors.ts";
import type { Design } from "./designTypes.ts";
import { categoricalOf } from "./domains.ts";
import { type CategoricalColumn, MISSING_CODE } from "./frame.ts";

export interface Margin {
  variable: string;
  /** Population total of each level. */
  targets: Record<string, number>;
}

export interface PostStratifyOptions {
  /** Ignore population levels absent from the sample (R's partial = TRUE). */
  partial?: boolean;
  /** Where to point errors in a spec, e.g. "calibrate.margins[0]". */
  path?: string;
}

/** postStratify(design, ~variable, population): weights in each level scaled to its population total. */
export function postStratify(design: Design, margin: Margin, options: PostStratifyOptions = {}): Design {
  const path = options.path ?? "margin";
  const column = marginColumn(design, margin, path);
  const targets = marginTargets(
    column,
    margin,
    path,
    options.partial ?? false,
    levelTotals(column, design.weights),
  );
  const newWeights = new Float64Array(design.n);
  const totals = levelTotals(column, design.weights);
  for (let i = 0; i < design.n; i++) {
    const level = column.codes[i];
    newWeights[i] = design.weights[i] * (targets[level] / totals[level]);
  }
  return {
    ...design,
    weights: newWeights,
    calibration: [
      ...design.calibration,
      {
        kind: "poststratify",
        cell: column.codes,
        nCells: column.levels.length,
        oldWeights: design.weights,
        newWeights,
      },
    ],
  };
}

export function marginColumn(design: Design, margin: Margin, path: string): CategoricalColumn {
  const column = categoricalOf(design.frame, margin.variable, `${path}.variable`);
  const row = column.codes.indexOf(MISSING_CODE);
  if (row >= 0) {
    throw new ParallaxError("DESIGN_INVALID", `Calibration variable ${margin.variable} has missing values`, [
      { path: `${path}.variable`, message: `missing value on row ${row + 1}` },
    ]);
  }
  return column;
}

export function levelTotals(column: CategoricalColumn, weights: Float64Array): Float64Array {
  const totals = new Float64Array(column.levels.length);
  for (let i = 0; i < weights.length; i++) totals[column.codes[i]] += weights[i];
  return totals;
}

/**
 * Population totals in level order, checked as postStratify checks them: every level with sample
 * weight needs a population total, and every population level needs sample weight (unless partial).
 */
export function marginTargets(
  column: CategoricalColumn,
  margin: Margin,
  path: string,
  partial: boolean,
  sampleTotals: Float64Array,
): Float64Array {
  const targets = new Float64Array(column.levels.length);
  const known = new Set(column.levels);
  for (const [level, value] of Object.entries(margin.targets)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      mismatch(path, `target for ${level} must be a non-negative number`);
    }
    if (!known.has(level) && value > 0 && !partial) {
      mismatch(
        path,
        `level ${level} of ${margin.variable} is not in the data (levels: ${column.levels.join(", ")})`,
      );
    }
  }
  column.levels.forEach((level, k) => {
    const target = margin.targets[level];
    const sampled = sampleTotals[k] > 0;
    if ((target === undefined || target === 0) && sampled) {
      mismatch(path, `level ${level} of ${margin.variable} is in the data but has no population target`);
    }
    if (target !== undefined && target > 0 && !sampled && !partial) {
      mismatch(path, `level ${level} of ${margin.variable} has a target but no sample weight`);
    }
    targets[k] = target ?? 0;
  });
  return targets;
}

function mismatch(path: string, message: string): never {
  throw new ParallaxError("SPEC_INVALID", "Margin levels do not match the data", [
    { path: `${path}.targets`, message },
  ]);
}
