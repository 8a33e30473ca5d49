import { describe, expect, it } from "vitest";
import { pchisqUpper, pfUpper, pt, qbeta, qnorm, qt, twoSidedT } from "./distributions.ts";

/** Values printed by R 4 (`sprintf("%.17g", ...)`). */
const cases: Array<[string, () => number, number]> = [
  ["qt(0.975, 14)", () => qt(0.975, 14), 2.1447866879178039],
  ["qt(0.025, 197)", () => qt(0.025, 197), -1.972079033778501],
  ["qt(0.995, 3)", () => qt(0.995, 3), 5.8409093097333544],
  ["pt(-2.5, 13)", () => pt(-2.5, 13), 0.013294391405428724],
  ["pt(1.2, 1e6)", () => pt(1.2, 1e6), 0.88493018763413778],
  ["pf(17.25, 1.83, 360.25, lower = FALSE)", () => pfUpper(17.25, 1.83, 360.25), 2.0138881828773914e-7],
  ["pf(3, 2, 5000, lower = FALSE)", () => pfUpper(3, 2, 5000), 0.049876694036478868],
  ["pchisq(12.3, 4, lower = FALSE)", () => pchisqUpper(12.3, 4), 0.015254394655769617],
  ["qbeta(0.025, 12.5, 40.2)", () => qbeta(0.025, 12.5, 40.2), 0.13360686781217765],
  ["qbeta(0.975, 0.5, 3)", () => qbeta(0.975, 0.5, 3), 0.59495313301340325],
  ["qnorm(0.975)", () => qnorm(0.975), 1.9599639845400536],
  ["qnorm(1e-10)", () => qnorm(1e-10), -6.3613409024040557],
];

describe("distribution functions agree with R", () => {
  for (const [name, compute, expected] of cases) {
    it(name, () => {
      expect(Math.abs(compute() - expected)).toBeLessThanOrEqual(1e-10 * Math.abs(expected));
    });
  }

  it("gives the two-sided t p-value as 2 * pt(-|t|, df)", () => {
    expect(twoSidedT(-2.5, 13)).toBeCloseTo(2 * 0.013294391405428724, 14);
  });
});
