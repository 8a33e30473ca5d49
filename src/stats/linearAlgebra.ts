/** Small dense matrices, row-major, for the Rao–Scott correction. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function matrix(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  const out = matrix(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k];
      if (aik === 0) continue;
      for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j] += aik * b.data[k * b.cols + j];
    }
  }
  return out;
}

export function transpose(a: Matrix): Matrix {
  const out = matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}

/** Solves A X = B by Gaussian elimination with partial pivoting. */
export function solve(a: Matrix, b: Matrix): Matrix {
  const n = a.rows;
  const m = b.cols;
  const left = Float64Array.from(a.data);
  const right = Float64Array.from(b.data);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(left[r * n + col]) > Math.abs(left[pivot * n + col])) pivot = r;
    if (left[pivot * n + col] === 0) throw new RangeError("singular matrix");
    if (pivot !== col) {
      for (let j = 0; j < n; j++)
        [left[col * n + j], left[pivot * n + j]] = [left[pivot * n + j], left[col * n + j]];
      for (let j = 0; j < m; j++)
        [right[col * m + j], right[pivot * m + j]] = [right[pivot * m + j], right[col * m + j]];
    }
    for (let r = col + 1; r < n; r++) {
      const factor = left[r * n + col] / left[col * n + col];
      if (factor === 0) continue;
      for (let j = col; j < n; j++) left[r * n + j] -= factor * left[col * n + j];
      for (let j = 0; j < m; j++) right[r * m + j] -= factor * right[col * m + j];
    }
  }
  const out = matrix(n, m);
  for (let r = n - 1; r >= 0; r--) {
    for (let j = 0; j < m; j++) {
      let sum = right[r * m + j];
      for (let k = r + 1; k < n; k++) sum -= left[r * n + k] * out.data[k * m + j];
      out.data[r * m + j] = sum / left[r * n + r];
    }
  }
  return out;
}

export function trace(a: Matrix): number {
  let sum = 0;
  for (let i = 0; i < a.rows; i++) sum += a.data[i * a.cols + i];
  return sum;
}
