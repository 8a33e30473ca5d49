import { columnArray, columnCopy } from "./columnArray.ts";
/**
 * Sums of a per-row quantity by unit (PSU or SSU) and calibration cell, keeping only the pairs that
 * occur: at most one per row, so designs whose every row is its own PSU cost n, not n x cells.
 */
export interface SparseCross {
  /** Entries of unit u are start[u] .. start[u + 1] - 1. */
  start: Int32Array;
  cell: Int32Array;
  sum: Float64Array;
}

export function sparseCross(
  unit: Int32Array,
  units: number,
  cell: Int32Array,
  nCells: number,
  value: Float64Array,
): SparseCross {
  const n = unit.length;
  const rowStart = columnArray(Int32Array, units + 1);
  for (let i = 0; i < n; i++) rowStart[unit[i] + 1]++;
  for (let u = 0; u < units; u++) rowStart[u + 1] += rowStart[u];
  const fill = rowStart.slice(0, units);
  const rowsByUnit = columnArray(Int32Array, n);
  for (let i = 0; i < n; i++) rowsByUnit[fill[unit[i]]++] = i;
  const slot = new Int32Array(nCells).fill(-1);
  const start = columnArray(Int32Array, units + 1);
  const cells: number[] = [];
  const sums: number[] = [];
  for (let u = 0; u < units; u++) {
    start[u] = cells.length;
    for (let r = rowStart[u]; r < rowStart[u + 1]; r++) {
      const i = rowsByUnit[r];
      const c = cell[i];
      if (slot[c] < start[u]) {
        slot[c] = cells.length;
        cells.push(c);
        sums.push(0);
      }
      sums[slot[c]] += value[i];
    }
  }
  start[units] = cells.length;
  return {
    start,
    cell: columnCopy(Int32Array, cells),
    sum: columnCopy(Float64Array, sums),
  };
}

/** totals[offset + u] -= Σ over unit u's cells of sum × shift[cell]. */
export function subtractCross(
  totals: Float64Array,
  offset: number,
  units: number,
  cross: SparseCross,
  shift: Float64Array,
): void {
  const { start, cell, sum } = cross;
  for (let u = 0; u < units; u++) {
    let total = 0;
    for (let e = start[u]; e < start[u + 1]; e++) total += sum[e] * shift[cell[e]];
    totals[offset + u] -= total;
  }
}
