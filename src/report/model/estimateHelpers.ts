import { columnArray } from "../../stats/columnArray.ts";
import {
  type CategoricalColumn,
  type Column,
  compareDomains,
  compareDomainsByLevel,
  type Design,
  type DomainComparison,
  type EstimateRow,
  type Frame,
} from "../../stats/index.ts";
import type { Estimate, PopulationDifference } from "./reportModel.ts";

/** Student t quantile for 95% at the large degrees of freedom of these designs, as a normal approximation. */
const Z95 = 1.959964;

export function toEstimate(row: EstimateRow, n: number): Estimate {
  const ci: [number, number] = row.ci ?? [row.estimate - Z95 * row.se, row.estimate + Z95 * row.se];
  return { estimate: row.estimate, se: row.se, ci, n };
}

export function categorical(frame: Frame, name: string): CategoricalColumn {
  const column = frame.columns.get(name);
  if (column?.kind !== "categorical")
    throw new RangeError(`the report frame has no categorical column ${name}`);
  return column;
}

/** Rows per level of a categorical column where `present(i)` holds: the unweighted bases. */
export function countBy(frame: Frame, by: string, present: (i: number) => boolean): Map<string, number> {
  const column = categorical(frame, by);
  const counts = new Float64Array(column.levels.length);
  for (let i = 0; i < frame.n; i++) if (column.codes[i] >= 0 && present(i)) counts[column.codes[i]]++;
  return new Map(column.levels.map((level, k) => [level, counts[k]]));
}

/**
 * countBy(frame, by, presentIn(frame, variable)), remembered per pair of columns: a concept asks for the
 * same bases once per value it shows.
 */
export function basesBy(frame: Frame, by: string, variable: string): Map<string, number> {
  const column = categorical(frame, by);
  const source = frame.columns.get(variable);
  if (!source) return countBy(frame, by, () => false);
  let byVariable = basesCache.get(column);
  if (!byVariable) {
    byVariable = new WeakMap();
    basesCache.set(column, byVariable);
  }
  let bases = byVariable.get(source);
  if (!bases) {
    const counts = new Float64Array(column.levels.length);
    const { codes } = column;
    for (let i = 0; i < frame.n; i++) {
      const present = source.kind === "numeric" ? !Number.isNaN(source.values[i]) : source.codes[i] >= 0;
      if (codes[i] >= 0 && present) counts[codes[i]]++;
    }
    bases = new Map(column.levels.map((level, k) => [level, counts[k]]));
    byVariable.set(source, bases);
  }
  return new Map(bases);
}

const basesCache = new WeakMap<CategoricalColumn, WeakMap<Column, Map<string, number>>>();

export function presentIn(frame: Frame, name: string): (i: number) => boolean {
  const column = frame.columns.get(name);
  if (!column) return () => false;
  if (column.kind === "numeric") return (i) => !Number.isNaN(column.values[i]);
  return (i) => column.codes[i] >= 0;
}

/** Adds (once) a numeric 0/1 column: 1 where the categorical column's value is one of `values`. */
export function indicatorColumn(frame: Frame, source: string, values: string[]): string {
  const name = `ind:${source}=${values.join("+")}`;
  if (frame.columns.has(name)) return name;
  const column = categorical(frame, source);
  const wanted = column.levels.map((level) => (values.includes(level) ? 1 : 0));
  const out = columnArray(Float64Array, frame.n);
  for (let i = 0; i < frame.n; i++) out[i] = column.codes[i] < 0 ? Number.NaN : wanted[column.codes[i]];
  frame.columns.set(name, { kind: "numeric", values: out });
  return name;
}

export function populationDifference(
  design: Design,
  variable: string,
  populations: [string, string],
  level?: string,
): PopulationDifference | null {
  try {
    const result = compareDomains(
      design,
      variable,
      "population",
      populations,
      level === undefined ? {} : { level },
    );
    return differenceOf(result);
  } catch {
    // A level no respondent of either population chose cannot be compared.
    return null;
  }
}

/** populationDifference for every level of a categorical variable, keyed by level (one pass for all). */
export function populationDifferences(
  design: Design,
  variable: string,
  populations: [string, string],
): Map<string, PopulationDifference | null> {
  const out = new Map<string, PopulationDifference | null>();
  for (const [level, result] of compareDomainsByLevel(design, variable, "population", populations))
    out.set(level, differenceOf(result));
  return out;
}

function differenceOf(result: DomainComparison): PopulationDifference | null {
  return Number.isFinite(result.p) ? { difference: result.difference, se: result.se, p: result.p } : null;
}
