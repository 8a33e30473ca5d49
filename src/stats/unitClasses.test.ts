import { describe, expect, it } from "vitest";
import { aggregateLinearize } from "./aggregateLinearize.ts";
import { createDesign } from "./createDesign.ts";
import type { Design } from "./designTypes.ts";
import { addColumn, categoricalColumn, createFrame, numericColumn } from "./frame.ts";
import { indicatorColumns, linearize } from "./linearize.ts";
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
