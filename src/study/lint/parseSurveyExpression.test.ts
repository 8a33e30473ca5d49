import { describe, expect, it } from "vitest";
import { parseSurveyExpression, variableRoot } from "./parseSurveyExpression.ts";

describe("parseSurveyExpression", () => {
  it("lists each variable once and the functions survey-core lacks", () => {
    expect(parseSurveyExpression("{age} >= 18 and {age} <= 70 and iif({a}, 1, 2) > shout({b})")).toEqual({
      ok: true,
      variables: ["age", "a", "b"],
      unknownFunctions: ["shout"],
      comparisons: [],
    });
  });

  it("lists the values each question is compared with, on either side", () => {
    const parsed = parseSurveyExpression(
      "{q} anyof ['a', 'b'] or 'c' = {r} or {s} contains 3 or {t} > 4 or {u} = {v} or {w} notempty",
    );
    expect(parsed.ok && parsed.comparisons).toEqual([
      { variable: "q", values: ["a", "b"] },
      { variable: "r", values: ["c"] },
      { variable: "s", values: [3] },
    ]);
  });

  it("fails empty and broken expressions with a short reason", () => {
    expect(parseSurveyExpression("  ")).toEqual({ ok: false, error: "is empty" });
    expect(parseSurveyExpression("{age} >= 18 and")).toEqual({
      ok: false,
      error: "does not parse at character 16: unexpected end of input",
    });
  });
});

describe("variableRoot", () => {
  it("reduces item, index and unwrapped forms to the question's name", () => {
    expect(variableRoot("q.item")).toBe("q");
    expect(variableRoot("q[0].col")).toBe("q");
    expect(variableRoot("q-unwrapped")).toBe("q");
    expect(variableRoot("q")).toBe("q");
  });
});
