import { describe, expect, it } from "vitest";
import { distinctiveTerms, logOddsDirichlet, termCounts } from "./distinctiveTerms.ts";

describe("logOddsDirichlet", () => {
  const a = new Map([
    ["football", 3],
    ["coffee", 1],
  ]);
  const b = new Map([
    ["football", 1],
    ["coffee", 3],
  ]);

  it("matches a hand-computed example with the pooled prior", () => {
    // α_w = 4 each (pooled counts), α0 = 8, n = 4 per group:
    // δ = ln(7/5) − ln(5/7) = 0.672944, σ² = 1/7 + 1/5 = 0.342857, z = 1.149271
    const [football, coffee] = logOddsDirichlet(a, b);
    expect(football.term).toBe("football");
    expect(football.delta).toBeCloseTo(0.672944, 5);
    expect(football.variance).toBeCloseTo(0.342857, 5);
    expect(football.z).toBeCloseTo(1.149271, 5);
    expect(coffee.z).toBeCloseTo(-1.149271, 5);
  });

  it("shrinks less with a weaker prior", () => {
    // α0 = 2 → α_w = 1: δ = ln(4/2) − ln(2/4) = 1.386294, σ² = 1/4 + 1/2, z = 1.600750
    const [football] = logOddsDirichlet(a, b, { priorStrength: 2 });
    expect(football.delta).toBeCloseTo(1.386294, 5);
    expect(football.z).toBeCloseTo(1.60075, 5);
  });

  it("compares each group with all the others", () => {
    const result = distinctiveTerms({ china: a, lac: b });
    expect(result.china[0].term).toBe("football");
    expect(result.lac[0].term).toBe("coffee");
    expect(result.lac[0].z).toBeCloseTo(1.149271, 5);
  });
});

describe("termCounts", () => {
  it("counts a term once per answer, weighted", () => {
    const counts = termCounts([
      { terms: ["samba", "samba", "football"], weight: 2 },
      { terms: ["football"], weight: 0.5 },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ samba: 2, football: 2.5 });
  });
});
