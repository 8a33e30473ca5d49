import { describe, expect, it } from "vitest";
import { aggregateLinearize, mergesUnits } from "./aggregateLinearize.ts";
import { createDesign } from "./createDesign.ts";
import type { Design } from "./designTypes.ts";
import { designVariance } from "./designVariance.ts";
import { fewValues } from "./fewValues.ts";
import { addColumn, categoricalColumn, createFrame, numericColumn } from "./frame.ts";
import { jointDomainMeans } from "./jointDomainMeans.ts";
import { indicatorColumns, linearize, linearizeSource } from "./linearize.ts";
import { postStratify } from "./postStratify.ts";
import { rake } from "./rake.ts";
import { unitClasses } from "./unitClasses.ts";

function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Rows without clusters, few distinct weights, two raking variables and a categorical outcome. */
function designOf(seed: number, n: number): Design {
  const random = randomSource(seed);
  const pick = (levels: string[]) => levels[Math.floor(random() * levels.length)];
  const frame = createFrame(n);
  const grid = ["a", "b"].flatMap((a) => ["x", "y", "z"].map((b) => [a, b]));
  const rows = Array.from({ length: n }, (_, i) => grid[i] ?? [pick(["a", "b"]), pick(["x", "y", "z"])]);
  addColumn(frame, "v0", categoricalColumn(rows.map((row) => row[0])));
  addColumn(frame, "v1", categoricalColumn(rows.map((row) => row[1])));
  addColumn(frame, "outcome", categoricalColumn(rows.map(() => pick(["p", "q", "r", ""]))));
  addColumn(frame, "stratum", numericColumn(Array.from({ length: n }, (_, i) => i % 2)));
  addColumn(frame, "w", numericColumn(Array.from({ length: n }, () => Number(pick(["1", "2", "3.5"])))));
  addColumn(frame, "inDomain", numericColumn(Array.from({ length: n }, () => (random() < 0.6 ? 1 : 0))));
  return createDesign(frame, { strata: "stratum", weights: "w" });
}

describe("merged units of designs without clusters", () => {
  const base = designOf(7, 400);
  const calibrated: Array<[string, Design]> = [
    ["none", base],
    [
      "rake",
      rake(
        base,
        [
          { variable: "v0", targets: { a: 300, b: 500 } },
          { variable: "v1", targets: { x: 200, y: 200, z: 400 } },
        ],
        { epsilon: 1e-10, maxit: 200 },
      ).design,
    ],
    ["poststratify", postStratify(base, { variable: "v1", targets: { x: 200, y: 300, z: 300 } })],
  ];
  const outcome = base.frame.columns.get("outcome") as { codes: Int32Array; levels: string[] };
  const inDomain = (base.frame.columns.get("inDomain") as { values: Float64Array }).values;
  const domain = Uint8Array.from(inDomain);

  for (const [name, design] of calibrated) {
    it(`gives the row-wise covariance of every level (${name})`, () => {
      const source = { codes: outcome.codes, nLevels: outcome.levels.length };
      for (const mask of [null, domain]) {
        for (const statistic of ["mean", "total"] as const) {
          const fast = aggregateLinearize(design, source, mask, statistic, false);
          const slow = linearize(
            design,
            indicatorColumns(outcome.codes, outcome.levels.length),
            mask,
            statistic,
          );
          expect(fast).not.toBeNull();
          const covariance = fast?.covariance ?? new Float64Array();
          slow.covariance.forEach((value, k) => {
            expect(Math.abs(covariance[k] - value)).toBeLessThan(
              1e-9 * Math.max(1e-12, Math.abs(slow.covariance[0])),
            );
          });
        }
      }
    });
  }

  for (const [name, design] of calibrated) {
    it(`estimates a numeric variable with few values through its levels, as row by row (${name})`, () => {
      const random = randomSource(11);
      const ranks = Float64Array.from({ length: design.n }, () =>
        random() < 0.1 ? Number.NaN : [1, 2, 3, 5.5][Math.floor(random() * 4)],
      );
      const indicator = Float64Array.from(outcome.codes, (code) =>
        code < 0 ? Number.NaN : code === 1 ? 1 : 0,
      );
      expect(mergesUnits(design)).toBe(true);
      for (const values of [ranks, indicator]) {
        for (const mask of [null, domain]) {
          for (const statistic of ["mean", "total"] as const) {
            const fast = linearizeSource(design, { values }, mask, statistic, true);
            const slow = linearize(design, [values], mask, statistic, true);
            const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.abs(b);
            expect(close(fast.estimates[0], slow.estimates[0])).toBe(true);
            expect(close(fast.covariance[0], slow.covariance[0])).toBe(true);
            expect(close(fast.deff?.[0] ?? 0, slow.deff?.[0] ?? 1)).toBe(true);
            expect(fast.nobs).toBe(slow.nobs);
            expect(close(fast.weightSum, slow.weightSum)).toBe(true);
          }
        }
      }
    });
  }

  for (const [name, design] of calibrated) {
    it(`compares two domains' means through their joint cells, as row by row (${name})`, () => {
      const random = randomSource(13);
      const y = Float64Array.from({ length: design.n }, () =>
        random() < 0.1 ? Number.NaN : [0, 1, 4][Math.floor(random() * 3)],
      );
      const few = fewValues(y);
      if (few === null) throw new Error("y has three values");
      // Two outcomes of the same codes: y itself and whether y is 1.
      const isOne = Float64Array.from(few.values, (value) => (value === 1 ? 1 : 0));
      const outcomes = [
        y,
        Float64Array.from(y, (value) => (Number.isNaN(value) ? value : value === 1 ? 1 : 0)),
      ];
      const v1 = design.frame.columns.get("v1") as { codes: Int32Array };
      const domainOf = (i: number) => (v1.codes[i] === 0 ? 0 : v1.codes[i] === 2 ? 1 : -1);
      const joint = jointDomainMeans(
        design,
        few.values.length,
        [few.values, isOne],
        (i) => few.codes[i],
        domainOf,
      );
      expect(joint).toHaveLength(2);
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.abs(b);
      outcomes.forEach((values, k) => {
        const influence = [0, 1].map((domain) => {
          let weightSum = 0;
          let sum = 0;
          for (let i = 0; i < design.n; i++) {
            if (domainOf(i) !== domain || Number.isNaN(values[i])) continue;
            weightSum += design.weights[i];
            sum += design.weights[i] * values[i];
          }
          const mean = sum / weightSum;
          const z = new Float64Array(design.n);
          for (let i = 0; i < design.n; i++)
            if (domainOf(i) === domain && !Number.isNaN(values[i]))
              z[i] = (design.weights[i] * (values[i] - mean)) / weightSum;
          return { mean, z };
        });
        const covariance = designVariance(
          design,
          influence.map((domain) => domain.z),
        );
        const result = joint?.[k];
        expect(result?.estimates.every((mean, d) => close(mean, influence[d].mean))).toBe(true);
        expect(Array.from(result?.covariance ?? []).every((value, c) => close(value, covariance[c]))).toBe(
          true,
        );
      });
    });
  }

  it("keeps designs apart that share a weights array but not their strata", () => {
    const unstratified = createDesign(base.frame, { weights: "w" });
    const source = { codes: outcome.codes, nLevels: outcome.levels.length };
    for (const design of [base, unstratified, base]) {
      const fast = aggregateLinearize(design, source, null, "mean", false);
      const slow = linearize(design, indicatorColumns(outcome.codes, outcome.levels.length), null, "mean");
      expect(Math.abs((fast?.covariance[0] ?? 0) - slow.covariance[0])).toBeLessThan(
        1e-9 * slow.covariance[0],
      );
    }
  });

  it("merges rows into far fewer classes than rows", () => {
    const classes = unitClasses(base, null);
    expect(classes?.count).toBe(6);
  });
});
