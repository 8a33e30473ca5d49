import { describe, expect, it } from "vitest";
import { columnArray, columnArrayFrom, columnCopy } from "./columnArray.ts";

describe("columnArray", () => {
  it("backs a large column with shared memory, zero-filled", () => {
    const column = columnArray(Float64Array, 100_000);
    expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(column.length).toBe(100_000);
    expect(column.every((value) => value === 0)).toBe(true);
  });

  it("keeps a small array ordinary", () => {
    const small = columnArray(Int32Array, 100);
    expect(small.buffer).toBeInstanceOf(ArrayBuffer);
    expect(small.length).toBe(100);
  });

  it("copies and maps as TypedArray.from does", () => {
    const source = Array.from({ length: 20_000 }, (_, index) => index * 0.5);
    expect(columnCopy(Float64Array, source)).toEqual(Float64Array.from(source));
    expect(columnArrayFrom(Int32Array, source, (value, index) => value * 2 + index)).toEqual(
      Int32Array.from(source, (value, index) => value * 2 + index),
    );
  });
});
