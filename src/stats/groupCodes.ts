import { columnArray, columnCopy } from "./columnArray.ts";
import type { CategoricalColumn, Column } from "./frame.ts";

export interface Grouping {
  /** Group index per row, in order of first appearance; -1 when any key is missing. */
  codes: Int32Array;
  count: number;
}

/**
 * Numbers the distinct combinations of one or more key columns (R's interaction of the ids), with
 * integer arithmetic only: each key is first made dense, then the keys combine in mixed radix.
 */
export function groupCodes(keys: ReadonlyArray<Column | Int32Array>, n: number): Grouping {
  if (keys.length === 0) return { codes: new Int32Array(n), count: n > 0 ? 1 : 0 };
  if (keys.every((key) => !(key instanceof Int32Array) && key.kind === "categorical")) {
    return categoricalCells(keys as CategoricalColumn[], n);
  }
  let combined = denseCodes(keys[0], n);
  for (let k = 1; k < keys.length; k++) {
    const next = denseCodes(keys[k], n);
    const mixed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      mixed[i] =
        combined.codes[i] < 0 || next.codes[i] < 0 ? -1 : combined.codes[i] * next.count + next.codes[i];
    }
    combined = firstAppearance(mixed, n, true);
  }
  return combined;
}

function denseCodes(key: Column | Int32Array, n: number): Grouping {
  if (key instanceof Int32Array) return firstAppearance(columnCopy(Float64Array, key), n, true);
  if (key.kind === "categorical") return firstAppearance(columnCopy(Float64Array, key.codes), n, true);
  return firstAppearance(key.values, n, false);
}

/** Renumbers values by first appearance (NaN, and negative codes, are missing); small integer ranges use a table. */
function firstAppearance(values: Float64Array, n: number, negativeIsMissing: boolean): Grouping {
  const codes = columnArray(Int32Array, n);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (Number.isNaN(value) || (negativeIsMissing && value < 0)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
    if (integral && !Number.isInteger(value)) integral = false;
  }
  let count = 0;
  if (min > max) return { codes: codes.fill(-1), count: 0 };
  if (integral && max - min <= 4 * n + 1024) {
    const table = columnArray(Int32Array, max - min + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const value = values[i];
      if (Number.isNaN(value) || (negativeIsMissing && value < 0)) {
        codes[i] = -1;
        continue;
      }
      const slot = value - min;
      if (table[slot] < 0) table[slot] = count++;
      codes[i] = table[slot];
    }
    return { codes, count };
  }
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (Number.isNaN(value) || (negativeIsMissing && value < 0)) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(value);
    if (code === undefined) {
      code = index.size;
      index.set(value, code);
    }
    codes[i] = code;
  }
  return { codes, count: index.size };
}

/** Categorical keys: the mixed-radix cell of the level codes, renumbered by first appearance. */
function categoricalCells(keys: CategoricalColumn[], n: number): Grouping {
  let cells = 1;
  for (const key of keys) cells *= Math.max(1, key.levels.length);
  if (cells > 4 * n + 1024) {
    let combined = firstAppearance(new Float64Array(keys[0].codes), n, true);
    for (let k = 1; k < keys.length; k++) {
      const next = keys[k];
      const mixed = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const code = next.codes[i];
        mixed[i] = combined.codes[i] < 0 || code < 0 ? -1 : combined.codes[i] * next.levels.length + code;
      }
      combined = firstAppearance(mixed, n, true);
    }
    return combined;
  }
  const cell = columnArray(Int32Array, n);
  let stride = 1;
  for (const key of keys) {
    const codes = key.codes;
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      if (code < 0 || cell[i] < 0) cell[i] = -1;
      else cell[i] += code * stride;
    }
    stride *= Math.max(1, key.levels.length);
  }
  const table = new Int32Array(cells).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = cell[i];
    if (c < 0) continue;
    if (table[c] < 0) table[c] = count++;
    cell[i] = table[c];
  }
  return { codes: cell, count };
}
