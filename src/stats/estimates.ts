import { ParallaxError } from "../errors.ts";
import { type CiMethod, ciProportion } from "./ciProportion.ts";
import type { Design } from "./designTypes.ts";
import { categoricalOf, type Domain, domainDegf, domainRows, domainsOf } from "./domains.ts";
import { asNumeric, type CategoricalColumn } from "./frame.ts";
import { linearizeIndicator, linearizeSource, type Statistic } from "./linearize.ts";

export interface EstimateRow {
  domain: Record<string, string> | null;
  level: string | null;
  estimate: number;
  se: number;
  deff?: number;
  ci?: [number, number];
  /** Degrees of freedom used for the interval. */
  df?: number;
}

export interface EstimateOptions {
  /** Domain variables (svyby): estimates for each observed combination, as domains of the full design. */
  by?: string | string[];
  deff?: boolean;
  /** Where to point errors in a spec. */
  path?: string;
}

export interface ProportionOptions extends EstimateOptions {
  ci?: CiMethod;
  level?: number;
}

/** svymean of a numeric variable (or svyby(..., svymean) with `by`). */
export function svyMean(design: Design, variable: string, options: EstimateOptions = {}): EstimateRow[] {
  return numericEstimate(design, variable, "mean", options);
}

/** svytotal of a numeric variable; for a categorical one, the estimated count of each level. */
export function svyTotal(design: Design, variable: string, options: EstimateOptions = {}): EstimateRow[] {
  const column = design.frame.columns.get(variable);
  if (column?.kind === "categorical") return levelEstimates(design, column, "total", options);
  return numericEstimate(design, variable, "total", options);
}

/** The proportion in every level of a variable (svymean of a factor), with intervals when `ci` is set. */
export function svyProportions(
  design: Design,
  variable: string,
  options: ProportionOptions = {},
): EstimateRow[] {
  const column = categoricalOf(design.frame, variable, variablePath(options));
  return levelEstimates(design, column, "mean", options);
}

/** Mean of one indicator-like numeric column per domain, with the proportion interval when asked. */
export function indicatorEstimate(
  design: Design,
  values: Float64Array,
  level: string,
  options: ProportionOptions,
): EstimateRow[] {
  return domainsOf(design, options.by, byPath(options)).map((domain) => {
    const result = linearizeSource(design, { values }, domain.mask, "mean", options.deff);
    const row = rowOf(domain, level, result.estimates[0], result.covariance[0], result.deff?.[0]);
    return intervalFor(design, domain, options)(row);
  });
}

/** indicatorEstimate of a 0/1 indicator given as codes (1 yes, 0 no, -1 missing): see linearizeIndicator. */
export function indicatorCodesEstimate(
  design: Design,
  codes: Int32Array,
  level: string,
  options: ProportionOptions,
): EstimateRow[] {
  return domainsOf(design, options.by, byPath(options)).map((domain) => {
    const result = linearizeIndicator(design, codes, domain.mask, "mean", options.deff);
    const row = rowOf(domain, level, result.estimates[0], result.covariance[0], result.deff?.[0]);
    return intervalFor(design, domain, options)(row);
  });
}

function numericEstimate(
  design: Design,
  variable: string,
  statistic: Statistic,
  options: EstimateOptions,
): EstimateRow[] {
  const path = variablePath(options);
  const values = asNumeric(categoricalOrNumeric(design, variable, path));
  if (values === null) {
    throw new ParallaxError("SPEC_INVALID", `Column ${variable} is not numeric`, [
      { path, message: `column ${variable} has text values` },
    ]);
  }
  return domainsOf(design, options.by, byPath(options)).map((domain) => {
    const result = linearizeSource(design, { values }, domain.mask, statistic, options.deff);
    return rowOf(domain, null, result.estimates[0], result.covariance[0], result.deff?.[0]);
  });
}

function levelEstimates(
  design: Design,
  column: CategoricalColumn,
  statistic: Statistic,
  options: ProportionOptions,
): EstimateRow[] {
  const rows: EstimateRow[] = [];
  const source = { codes: column.codes, nLevels: column.levels.length };
  for (const domain of domainsOf(design, options.by, byPath(options))) {
    const result = linearizeSource(design, source, domain.mask, statistic, options.deff);
    const p = column.levels.length;
    // The domain's degrees of freedom and row count are the same for every level: count them once.
    const interval = statistic === "mean" ? intervalFor(design, domain, options) : null;
    column.levels.forEach((level, k) => {
      const row = rowOf(domain, level, result.estimates[k], result.covariance[k * p + k], result.deff?.[k]);
      rows.push(interval === null ? row : interval(row));
    });
  }
  return rows;
}

function intervalFor(
  design: Design,
  domain: Domain,
  options: ProportionOptions,
): (row: EstimateRow) => EstimateRow {
  if (options.ci === undefined) return (row) => row;
  const df = domainDegf(design, domain.mask);
  const rows = domainRows(design, domain.mask);
  return (row) => {
    const ci = ciProportion({
      estimate: row.estimate,
      se: row.se,
      df,
      rows,
      method: options.ci,
      level: options.level,
    });
    return { ...row, ci, df };
  };
}

function rowOf(
  domain: Domain,
  level: string | null,
  estimate: number,
  variance: number,
  deff: number | undefined,
): EstimateRow {
  const row: EstimateRow = { domain: domain.labels, level, estimate, se: Math.sqrt(variance) };
  if (deff !== undefined) row.deff = deff;
  return row;
}

function categoricalOrNumeric(design: Design, variable: string, path: string) {
  const column = design.frame.columns.get(variable);
  if (column === undefined) {
    throw new ParallaxError("SPEC_INVALID", `No column named ${variable}`, [
      { path, message: `column ${variable} is not in the data` },
    ]);
  }
  return column;
}

function variablePath(options: EstimateOptions): string {
  return options.path === undefined ? "variable" : `${options.path}.variable`;
}

function byPath(options: EstimateOptions): string {
  return `${options.path ?? "estimate"}.by`;
}
