import { ParallaxError } from "../errors.ts";
import { columnArray } from "./columnArray.ts";
import type { Design } from "./designTypes.ts";
import { designVariance } from "./designVariance.ts";
import { twoSidedT } from "./distributions.ts";
import { categoricalOf, domainDegf } from "./domains.ts";
import { fewValues } from "./fewValues.ts";
import { asNumeric, MISSING_CODE } from "./frame.ts";
import { type JointDomainMeans, jointDomainMeans } from "./jointDomainMeans.ts";
import { scratchCodes } from "./scratchCodes.ts";

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
  const byCodes = domainCodes(design, by, levels, path);
  const joint = jointOutcome(design, variable, options.level, byCodes, path);
  const { estimates, covariance } =
    joint ?? rowWise(design, outcome(design, variable, options.level, path), byCodes);
  return comparison(design, by, levels, estimates, covariance);
}

/**
 * compareDomains for every level of a categorical variable (the share choosing it), keyed by level: one
 * pass over the rows for all levels when the one-pass estimator applies.
 */
export function compareDomainsByLevel(
  design: Design,
  variable: string,
  by: string,
  levels: [string, string],
  path = "estimate",
): Map<string, DomainComparison> {
  const column = categoricalOf(design.frame, variable, `${path}.variable`);
  const byCodes = domainCodes(design, by, levels, path);
  const nCodes = column.levels.length;
  const oneHot = column.levels.map((_, k) =>
    Float64Array.from({ length: nCodes }, (_, l) => (l === k ? 1 : 0)),
  );
  const joint = jointDomainMeans(design, nCodes, oneHot, (i) => column.codes[i], domainOfRow(byCodes));
  return new Map(
    column.levels.map((level, k) => {
      const { estimates, covariance } =
        joint?.[k] ?? rowWise(design, outcome(design, variable, level, path), byCodes);
      return [level, comparison(design, by, levels, estimates, covariance)];
    }),
  );
}

function comparison(
  design: Design,
  by: string,
  levels: [string, string],
  estimates: [number, number],
  v: Float64Array,
): DomainComparison {
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

/** Per row, 0 or 1 for the two compared levels of `by`, -1 for any other (as a scratch array). */
function domainCodes(design: Design, by: string, levels: [string, string], path: string): Int32Array {
  const byColumn = categoricalOf(design.frame, by, `${path}.by`);
  const [first, second] = levels.map((level) => {
    const code = byColumn.levels.indexOf(level);
    if (code < 0) {
      throw new ParallaxError("SPEC_INVALID", `Level ${level} of ${by} is not in the data`, [
        { path: `${path}.levels`, message: `${by} has levels ${byColumn.levels.join(", ")}` },
      ]);
    }
    return code;
  });
  const out = scratchCodes("compareDomains", design.n);
  for (let i = 0; i < design.n; i++) {
    const code = byColumn.codes[i];
    out[i] = code === first ? 0 : code === second ? 1 : -1;
  }
  return out;
}

const domainOfRow = (byCodes: Int32Array) => (i: number) => byCodes[i];

/** The one-pass path when the outcome takes few values (see jointDomainMeans); null otherwise. */
function jointOutcome(
  design: Design,
  variable: string,
  level: string | undefined,
  byCodes: Int32Array,
  path: string,
): JointDomainMeans | null {
  if (level === undefined) {
    const few = fewValues(outcome(design, variable, undefined, path));
    if (few === null) return null;
    const joint = jointDomainMeans(
      design,
      few.values.length,
      [few.values],
      (i) => few.codes[i],
      domainOfRow(byCodes),
    );
    return joint?.[0] ?? null;
  }
  const column = categoricalOf(design.frame, variable, `${path}.variable`);
  const code = column.levels.indexOf(level);
  if (code < 0) return null;
  const oneHot = Float64Array.from(column.levels, (_, l) => (l === code ? 1 : 0));
  const joint = jointDomainMeans(
    design,
    column.levels.length,
    [oneHot],
    (i) => column.codes[i],
    domainOfRow(byCodes),
  );
  return joint?.[0] ?? null;
}

/** Each domain's estimating function over all rows, and the design variance of the pair. */
function rowWise(design: Design, values: Float64Array, byCodes: Int32Array): JointDomainMeans {
  const n = design.n;
  const estimates: [number, number] = [Number.NaN, Number.NaN];
  const influence: Float64Array[] = [];
  for (const domain of [0, 1]) {
    let weightSum = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (byCodes[i] !== domain || Number.isNaN(values[i])) continue;
      weightSum += design.weights[i];
      sum += design.weights[i] * values[i];
    }
    const mean = sum / weightSum;
    const z = columnArray(Float64Array, n);
    for (let i = 0; i < n; i++) {
      if (byCodes[i] !== domain || Number.isNaN(values[i])) continue;
      z[i] = (design.weights[i] * (values[i] - mean)) / weightSum;
    }
    estimates[domain] = mean;
    influence.push(z);
  }
  return { estimates, covariance: designVariance(design, influence) };
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
