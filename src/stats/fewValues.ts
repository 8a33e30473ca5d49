import { columnArray } from "./columnArray.ts";

/** Numeric columns with at most this many distinct values are estimated through their levels. */
const MAX_DISTINCT = 16;

/**
 * A numeric column seen as a categorical one: the code of each row's value and the value of each code. When
 * the values are small whole numbers (0/1 indicators, ranks) the column is its own codes (NaN missing), so
 * nothing of the column's length is allocated; otherwise codes are -1 where the value is missing.
 */
export interface ValueLevels {
  codes: Int32Array | Float64Array;
  values: Float64Array;
}

/** Columns are not modified once in a frame, so their levels can be keyed by the array. */
const cache = new WeakMap<Float64Array, ValueLevels | null>();

/**
 * The levels of a numeric column that takes few distinct values (0/1 indicators, ranks, scale points), or
 * null. Its mean is then Σ v_l p_l and its estimating function Σ v_l z_l, where p_l and z_l are those of the
 * level shares: the same linearisation as the numeric one, but computable by the one-pass estimator over
 * rows merged into unit classes instead of one unit per row.
 */
export function fewValues(column: Float64Array): ValueLevels | null {
  let levels = cache.get(column);
  if (levels === undefined) {
    levels = findLevels(column);
    cache.set(column, levels);
  }
  return levels;
}

function findLevels(column: Float64Array): ValueLevels | null {
  let largest = -1;
  let wholeNumbers = true;
  for (let i = 0; i < column.length && wholeNumbers; i++) {
    const value = column[i];
    if (Number.isNaN(value)) continue;
    wholeNumbers = Number.isInteger(value) && value >= 0 && value < MAX_DISTINCT && !Object.is(value, -0);
    if (value > largest) largest = value;
  }
  if (wholeNumbers) return { codes: column, values: Float64Array.from({ length: largest + 1 }, (_, k) => k) };
  return codedLevels(column);
}

function codedLevels(column: Float64Array): ValueLevels | null {
  const seen: number[] = [];
  const codes = columnArray(Int32Array, column.length);
  let last = Number.NaN;
  let lastCode = -1;
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (Number.isNaN(value)) {
      codes[i] = -1;
      continue;
    }
    if (value !== last) {
      let code = seen.indexOf(value);
      if (code < 0) {
        if (seen.length === MAX_DISTINCT) return null;
        code = seen.length;
        seen.push(value);
      }
      last = value;
      lastCode = code;
    }
    codes[i] = lastCode;
  }
  return { codes, values: Float64Array.from(seen) };
}
