import { describe, expect, it } from "vitest";
import { isParallaxError } from "../../errors.ts";
import { evaluateExpression } from "./evaluateExpression.ts";

describe("evaluateExpression", () => {
  const adult = "{age} >= 18 and {age} <= 70";
  it("evaluates an eligibility rule over answers", () => {
    expect(evaluateExpression(adult, { age: 30 })).toBe(true);
    expect(evaluateExpression(adult, { age: 17 })).toBe(false);
    expect(evaluateExpression(adult, { age: 71 })).toBe(false);
  });
  it("is undefined while a question it names is unanswered", () => {
    expect(evaluateExpression(adult, {})).toBeUndefined();
    expect(evaluateExpression(adult, { age: "" })).toBeUndefined();
    expect(evaluateExpression("{contact.city} = 'Lima'", { contact: { city: "Lima" } })).toBe(true);
  });
  it("throws STUDY_INVALID for an expression it cannot parse", () => {
    let caught: unknown;
    try {
      evaluateExpression("{age} >=", { age: 1 });
    } catch (error) {
      caught = error;
    }
    expect(isParallaxError(caught) && caught.code).toBe("STUDY_INVALID");
  });
});
