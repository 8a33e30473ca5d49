import { ParallaxError } from "../errors.ts";
import type { Design } from "./designTypes.ts";
import { designVariance } from "./designVariance.ts";
import { twoSidedT } from "./distributions.ts";
import { categoricalOf, domainDegf } from "./domains.ts";
import { asNumeric, MISSING_CODE } from "./frame.ts";

export interface DomainComparison {
  by: string;
  levels: [string, string];
  estimates: [number, number];
  ses: [number, number];
  /** First domain minus second. */
  difference: number;
  se: number;
  t: number;
  /** The design's degrees of freedom. */
  df: number;
  p: number;
}

export interface CompareOptions {
  /** Compare the proportion in this level of `variable` instead of its mean. */
  level?: string;
  path?: string;
}

/**
 * The difference of a mean (or of a proportion) between two domains of the same design, with its
 * standard error from the joint linearisation (the covariance between domains that share PSUs
 * included), as svycontrast(svyby(..., covmat = TRUE), c(1, -1)); two-sided p from t on degf(design).
 */
export function compareDomains(
  design: Design,
  variable: string,
  by: string,
  levels: [string, string],
  options: CompareOptions = {},
): DomainComparison {
  const path = options.path ?? "estimate";
  const values = outcome(design, variable, options.level, path);
  const byColumn = categoricalOf(design.frame, by, `${path}.by`);
  const codes = levels.map((level) => {
    const code = byColumn.levels.indexOf(level);
    if (code < 0) {
      throw new ParallaxError("SPEC_INVALID", `Level ${level} of ${by} is not in the data`, [
        { path: `${path}.levels`, message: `${by} has levels ${byColumn.levels.join(", ")}` },
      ]);
    }
    return code;
  });
  const n = design.n;
  const estimates: number[] = [];
  const influence: Float64Array[] = [];
  for (const code of codes) {
    let weightSum = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (byColumn.codes[i] !== code || Number.isNaN(values[i])) continue;
      weightSum += design.weights[i];
      sum += design.weights[i] * values[i];
    }
    const mean = sum / weightSum;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (byColumn.codes[i] !== code || Number.isNaN(values[i])) continue;
      z[i] = (design.weights[i] * (values[i] - mean)) / weightSum;
    }
    estimates.push(mean);
    influence.push(z);
  }
  const v = designVariance(design, influence);
  const difference = estimates[0] - estimates[1];
  const se = Math.sqrt(v[0] + v[3] - 2 * v[1]);
  const t = difference / se;
  const df = domainDegf(design, null);
  return {
    by,
    levels,
    estimates: [estimates[0], estimates[1]],
    ses: [Math.sqrt(v[0]), Math.sqrt(v[3])],
    difference,
    se,
    t,
    df,
    p: twoSidedT(t, df),
  };
}

function outcome(design: Design, variable: string, level: string | undefined, path: string): Float64Array {
  if (level === undefined) {
    const column = design.frame.columns.get(variable);
    const values = column === undefined ? null : asNumeric(column);
    if (values === null) {
      throw new ParallaxError("SPEC_INVALID", `Column ${variable} is not numeric`, [
        { path: `${path}.variable`, message: `no numeric column ${variable}` },
      ]);
    }
    return values;
  }
  const column = categoricalOf(design.frame, variable, `${path}.variable`);
  const code = column.levels.indexOf(level);
  if (code < 0) {
    throw new ParallaxError("SPEC_INVALID", `Level ${level} of ${variable} is not in the data`, [
      { path: `${path}.level`, message: `${variable} has levels ${column.levels.join(", ")}` },
    ]);
  }
  const values = new Float64Array(column.codes.length);
  for (let i = 0; i < values.length; i++) {
    const value = column.codes[i];
    values[i] = value === MISSING_CODE ? Number.NaN : value === code ? 1 : 0;
  }
  return values;
}
