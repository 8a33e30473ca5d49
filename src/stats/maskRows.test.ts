import { describe, expect, it } from "vitest";
import { maskRows } from "./maskRows.ts";

describe("maskRows", () => {
  it("lists the rows a mask keeps, in order", () => {
    expect([...maskRows(Uint8Array.from([0, 1, 1, 0, 1]))]).toEqual([1, 2, 4]);
  });

  it("gives an empty list for an empty mask and reuses the list for the same mask", () => {
    expect(maskRows(new Uint8Array(3)).length).toBe(0);
    const mask = Uint8Array.from([1, 0, 1]);
    expect(maskRows(mask)).toBe(maskRows(mask));
  });
});
