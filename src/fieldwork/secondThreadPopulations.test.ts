import { describe, expect, it } from "vitest";
import { secondThreadPopulations } from "./secondThreadPopulations.ts";

describe("secondThreadPopulations", () => {
  it("gives the second thread the larger of two populations", () => {
    expect(
      secondThreadPopulations(
        new Map([
          ["china", 315_000],
          ["lac", 506_000],
        ]),
        0,
      ),
    ).toEqual(["lac"]);
  });

  it("adds populations, largest first, while the share comes closer to two thirds", () => {
    const stored = new Map([
      ["a", 40],
      ["b", 30],
      ["c", 20],
      ["d", 10],
    ]);
    expect(secondThreadPopulations(stored, 0)).toEqual(["a", "b"]);
  });

  it("keeps a population for the first thread", () => {
    expect(
      secondThreadPopulations(
        new Map([
          ["a", 90],
          ["b", 5],
          ["c", 5],
        ]),
        0,
      ),
    ).toEqual(["a"]);
    expect(
      secondThreadPopulations(
        new Map([
          ["a", 50],
          ["b", 50],
        ]),
        0,
      ),
    ).toEqual(["a"]);
  });

  it("uses no second thread for one population or a small study", () => {
    expect(secondThreadPopulations(new Map([["a", 2_000_000]]), 0)).toEqual([]);
    expect(
      secondThreadPopulations(
        new Map([
          ["a", 3_000],
          ["b", 3_000],
        ]),
        20_000,
      ),
    ).toEqual([]);
  });
});
