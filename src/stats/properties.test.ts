import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateLinearize } from "./aggregateLinearize.ts";
import { createDesign } from "./createDesign.ts";
import type { Design } from "./designTypes.ts";
import { svyMean, svyProportions } from "./estimates.ts";
import { addColumn, categoricalColumn, createFrame, type Frame, numericColumn } from "./frame.ts";
import { linearize } from "./linearize.ts";
import { type Margin, postStratify } from "./postStratify.ts";
import { rake } from "./rake.ts";

const SEED = 20261126;

function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS = [
  ["a", "b"],
  ["x", "y", "z"],
  ["p", "q", "r", "s"],
];

/**
 * A random stratified cluster sample whose first rows hold every combination of the three
 * categorical variables, so that any consistent set of margins can be reached by raking.
 */
function sample(seed: number, extraRows: number): Frame {
  const random = randomSource(seed);
  const grid: string[][] = [];
  for (const a of LEVELS[0]) for (const b of LEVELS[1]) for (const c of LEVELS[2]) grid.push([a, b, c]);
  const n = grid.length + extraRows;
  const pick = (levels: string[]) => levels[Math.floor(random() * levels.length)];
  const rows = Array.from({ length: n }, (_, i) => grid[i] ?? LEVELS.map(pick));
  const frame = createFrame(n);
  LEVELS.forEach((levels, k) => {
    addColumn(
      frame,
      `v${k}`,
      categoricalColumn(
        rows.map((row) => row[k]),
        levels,
      ),
    );
  });
  addColumn(frame, "stratum", numericColumn(Array.from({ length: n }, (_, i) => i % 3)));
  addColumn(
    frame,
    "psu",
    numericColumn(Array.from({ length: n }, (_, i) => (i % 3) + 3 * Math.floor(random() * 4))),
  );
  addColumn(frame, "w", numericColumn(Array.from({ length: n }, () => 0.5 + 4 * random())));
  addColumn(
    frame,
    "y",
    numericColumn(Array.from({ length: n }, () => (random() < 0.1 ? Number.NaN : 10 * random()))),
  );
  return frame;
}

const designOf = (frame: Frame) =>
  createDesign(frame, { weights: "w", strata: "stratum", ids: ["psu"], lonelyPsu: "adjust" });

const close = (a: number, b: number, tolerance: number) =>
  Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

describe("properties (fast-check, seeded)", () => {
  it("raked weights reproduce every margin", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 150 }),
        fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 9, maxLength: 9 }),
        (seed, extra, shares) => {
          const design = designOf(sample(seed, extra));
          const total = 10_000;
          let offset = 0;
          const margins = LEVELS.map((levels, k) => {
            const parts = shares.slice(offset, offset + levels.length);
            offset += levels.length;
            const sum = parts.reduce((a, b) => a + b, 0);
            return {
              variable: `v${k}`,
              targets: Object.fromEntries(levels.map((level, j) => [level, (total * parts[j]) / sum])),
            };
          });
          const { design: raked, report } = rake(design, margins, { epsilon: 1e-13, maxit: 5000 });
          expect(report.converged).toBe(true);
          margins.forEach((margin, k) => {
            const column = raked.frame.columns.get(margin.variable);
            if (column?.kind !== "categorical") throw new Error("categorical expected");
            const totals = new Float64Array(column.levels.length);
            for (let i = 0; i < raked.n; i++) totals[column.codes[i]] += raked.weights[i];
            column.levels.forEach((level, j) => {
              expect(close(totals[j], margin.targets[level], 1e-6), `v${k}=${level}`).toBe(true);
            });
          });
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it("scaling every weight leaves means, proportions and their SEs unchanged", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (seed, factor) => {
          const frame = sample(seed, 60);
          const design = designOf(frame);
          const scaled: Design = { ...design, weights: design.weights.map((w) => w * factor) };
          const pairs = [
            [svyMean(design, "y"), svyMean(scaled, "y")],
            [svyMean(design, "y", { by: "v1" }), svyMean(scaled, "y", { by: "v1" })],
            [svyProportions(design, "v2"), svyProportions(scaled, "v2")],
          ];
          for (const [original, rescaled] of pairs) {
            original.forEach((row, k) => {
              expect(close(row.estimate, rescaled[k].estimate, 1e-9)).toBe(true);
              expect(close(row.se, rescaled[k].se, 1e-9)).toBe(true);
            });
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it("the one-pass estimator equals the row-wise one, calibrated or not, in domains", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom("none", "rake", "poststratify"),
        (seed, calibration) => {
          const frame = sample(seed, 80);
          let design = designOf(frame);
          const margins: Margin[] = [
            { variable: "v0", targets: { a: 2000, b: 4000 } },
            { variable: "v1", targets: { x: 1500, y: 1500, z: 3000 } },
          ];
          if (calibration === "rake") design = rake(design, margins, { epsilon: 1e-10, maxit: 200 }).design;
          if (calibration === "poststratify") design = postStratify(design, margins[1]);
          const y = (frame.columns.get("y") as { values: Float64Array }).values;
          const domain = Uint8Array.from((frame.columns.get("v2") as { codes: Int32Array }).codes, (code) =>
            code < 2 ? 1 : 0,
          );
          for (const mask of [null, domain]) {
            for (const statistic of ["mean", "total"] as const) {
              const fast = aggregateLinearize(design, { values: y }, mask, statistic, true);
              const slow = linearize(design, [y.slice()], mask, statistic, true);
              expect(fast).not.toBeNull();
              expect(close(fast?.estimates[0] ?? 0, slow.estimates[0], 1e-10)).toBe(true);
              expect(close(fast?.covariance[0] ?? 0, slow.covariance[0], 1e-8)).toBe(true);
              expect(close(fast?.deff?.[0] ?? 0, slow.deff?.[0] ?? 1, 1e-8)).toBe(true);
            }
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});
