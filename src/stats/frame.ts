import { columnArray } from "./columnArray.ts";
/**
 * A columnar table: one typed array per variable, one row per respondent. Missing values are
 * first-class: NaN in numeric columns, code -1 in categorical ones.
 */
export interface NumericColumn {
  kind: "numeric";
  values: Float64Array;
}

export interface CategoricalColumn {
  kind: "categorical";
  /** Index into `levels`, or -1 when missing. */
  codes: Int32Array;
  levels: string[];
}

export type Column = NumericColumn | CategoricalColumn;

/** Several 0/1 columns answering one select-multiple question, or rank columns of one ranking question. */
export interface ColumnGroup {
  kind: "selectMultiple" | "ranking" | "codes";
  /** Column names, one per choice (ranking: the rank given to the item, 1 = first). */
  items: string[];
}

export interface Frame {
  n: number;
  columns: Map<string, Column>;
  groups: Map<string, ColumnGroup>;
}

export const MISSING_CODE = -1;

export function createFrame(n: number): Frame {
  return { n, columns: new Map(), groups: new Map() };
}

export function addColumn(frame: Frame, name: string, column: Column): void {
  const length = column.kind === "numeric" ? column.values.length : column.codes.length;
  if (length !== frame.n) throw new RangeError(`column ${name} has ${length} rows, the frame has ${frame.n}`);
  frame.columns.set(name, column);
}

export function numericColumn(values: ArrayLike<number | null | undefined>): NumericColumn {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out[i] = value === null || value === undefined ? Number.NaN : value;
  }
  return { kind: "numeric", values: out };
}

/** Codes strings against `levels` (default: the distinct values, sorted); null/undefined/"" is missing. */
export function categoricalColumn(
  values: ArrayLike<string | null | undefined>,
  levels?: string[],
): CategoricalColumn {
  const levelList = levels ?? distinctSorted(values);
  const index = new Map(levelList.map((level, i) => [level, i]));
  const codes = columnArray(Int32Array, values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || value === "") {
      codes[i] = MISSING_CODE;
      continue;
    }
    const code = index.get(value);
    if (code === undefined) throw new RangeError(`value ${value} is not one of the levels`);
    codes[i] = code;
  }
  return { kind: "categorical", codes, levels: levelList };
}

function distinctSorted(values: ArrayLike<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined && value !== "") seen.add(value);
  }
  return [...seen].sort(compareLevels);
}

/** Orders levels as R's default factor() does for the common cases: numbers numerically, text by code point. */
export function compareLevels(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== "" && b.trim() !== "" && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Any column seen as categories: a categorical column as it is, a numeric one with its distinct
 * values as levels (in numeric order, labelled as R prints them).
 */
export function asCategorical(column: Column): CategoricalColumn {
  if (column.kind === "categorical") return column;
  const values = column.values;
  const distinct = new Set<number>();
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) distinct.add(values[i]);
  const sorted = [...distinct].sort((a, b) => a - b);
  const index = new Map(sorted.map((value, i) => [value, i]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    codes[i] = Number.isNaN(values[i]) ? MISSING_CODE : (index.get(values[i]) as number);
  }
  return { kind: "categorical", codes, levels: sorted.map(String) };
}

/** A numeric view: numeric columns as they are, categorical ones by their labels when all parse as numbers. */
export function asNumeric(column: Column): Float64Array | null {
  if (column.kind === "numeric") return column.values;
  const levelValues = column.levels.map(Number);
  if (levelValues.some((value) => !Number.isFinite(value))) return null;
  const out = new Float64Array(column.codes.length);
  for (let i = 0; i < out.length; i++) {
    const code = column.codes[i];
    out[i] = code === MISSING_CODE ? Number.NaN : levelValues[code];
  }
  return out;
}
