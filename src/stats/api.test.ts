import { describe, expect, it } from "vitest";
import { ParallaxError } from "../errors.ts";
import { ciProportion } from "./ciProportion.ts";
import { createDesign } from "./createDesign.ts";
import { frameFromRows } from "./frameFromRows.ts";
import { runSpec } from "./runSpec.ts";
import { trimWeights, weightingEffect } from "./trimWeights.ts";

const rows = Array.from({ length: 40 }, (_, i) => ({
  country: i < 20 ? "CN" : "MX",
  psu: Math.floor(i / 5),
  w: 1 + (i % 4),
  agree: String(1 + (i % 5)),
  "likes/food": i % 2,
  "likes/music": i % 3 === 0 ? 1 : 0,
  "rank/a": i % 3 === 0 ? 1 : i % 3 === 1 ? 2 : null,
  "rank/b": i % 3 === 0 ? 2 : i % 3 === 1 ? 1 : null,
}));
const frame = frameFromRows(rows, {
  levels: { agree: ["1", "2", "3", "4", "5"] },
  groups: {
    likes: { kind: "selectMultiple", items: ["likes/food", "likes/music"] },
    rank: { kind: "ranking", items: ["rank/a", "rank/b"] },
  },
});

describe("stats API", () => {
  it("summarises select-multiple, ranking and top-two-box questions by group name", () => {
    const output = runSpec(frame, {
      design: { weights: "w", strata: "country", ids: ["psu"] },
      estimates: [
        { id: "likes", type: "multiselect", variable: "likes" },
        { id: "rank", type: "ranking", variable: "rank" },
        { id: "top", type: "topbox", variable: "agree", by: "country" },
      ],
    });
    const [likes, rank, top] = output.estimates as unknown as Array<{ rows: Array<Record<string, unknown>> }>;
    expect(likes.rows.map((row) => row.level)).toEqual(["likes/food", "likes/music"]);
    expect(likes.rows[0].estimate).toBeCloseTo(
      rows.reduce((s, r) => s + r.w * r["likes/food"], 0) / rows.reduce((s, r) => s + r.w, 0),
      12,
    );
    const firstA = rank.rows.find((row) => row.level === "rank/a" && row.statistic === "shareFirst");
    const answered = rows.filter((r) => r["rank/a"] !== null);
    const share =
      answered.reduce((s, r) => s + (r["rank/a"] === 1 ? r.w : 0), 0) / answered.reduce((s, r) => s + r.w, 0);
    expect(firstA?.estimate).toBeCloseTo(share, 12);
    expect(top.rows.map((row) => [row.domain, row.level])).toEqual([
      [{ country: "CN" }, "4+5"],
      [{ country: "MX" }, "4+5"],
    ]);
  });

  it("trims weights, keeps their total and reports Kish's effect", () => {
    const design = createDesign(frame, { weights: "w" });
    const trimmed = trimWeights(design, { upper: 3, strict: true });
    const total = (weights: Float64Array) => weights.reduce((a, b) => a + b, 0);
    expect(total(trimmed.weights)).toBeCloseTo(total(design.weights), 10);
    expect(Math.max(...trimmed.weights)).toBeLessThanOrEqual(3 + 1e-12);
    const effect = weightingEffect(Float64Array.of(1, 1, 2, 4));
    expect(effect.effectiveN).toBeCloseTo(64 / 22, 12);
    expect(effect.deff).toBeCloseTo((4 * 22) / 64, 12);
  });

  it("keeps degenerate intervals at the estimate", () => {
    expect(ciProportion({ estimate: 0, se: 0, df: 10, rows: 20 })).toEqual([0, 0]);
  });

  it("refuses PSU ids that repeat across strata unless nest is set", () => {
    const crossed = frameFromRows([
      { h: "a", id: 1 },
      { h: "a", id: 2 },
      { h: "b", id: 1 },
      { h: "b", id: 2 },
    ]);
    expect(() => createDesign(crossed, { strata: "h", ids: ["id"] })).toThrow(ParallaxError);
    expect(createDesign(crossed, { strata: "h", ids: ["id"], nest: true }).nPsu).toBe(4);
  });
});
