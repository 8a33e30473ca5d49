import { describe, expect, it } from "vitest";
import { median } from "./screenContext.ts";

const sortedMedian = (values: number[]) => {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

describe("median", () => {
  it("gives the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it("agrees with sorting on many shuffled lists, ties and NaN included", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 300; trial++) {
      const length = 1 + Math.floor(next() * 60);
      const spread = trial % 3 === 0 ? 4 : 1000;
      const values = Array.from({ length }, () => Math.floor(next() * spread) - spread / 2);
      if (trial % 50 === 0) values.push(Number.NaN);
      expect(median(values)).toBe(sortedMedian(values));
    }
  });
});
