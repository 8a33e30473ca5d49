import { ConditionRunner } from "survey-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileQuestionnaire } from "./compileQuestionnaire.ts";

// A panel whose visibleIf every question inside it inherits, and a question repeating it on its own.
const questionnaire = {
  elements: [
    { type: "text", name: "age", inputType: "number" },
    {
      type: "panel",
      name: "adult",
      visibleIf: "{age} >= 18",
      elements: [
        { type: "text", name: "job" },
        { type: "text", name: "city" },
        { type: "text", name: "car", visibleIf: "{age} >= 18" },
      ],
    },
  ],
};

describe("conditions within one validation", () => {
  afterEach(() => vi.restoreAllMocks());

  it("runs each distinct expression once per response", () => {
    const compiled = compileQuestionnaire(questionnaire);
    const runs = vi.spyOn(ConditionRunner.prototype, "runValues");
    expect(compiled.validate({ age: 30, job: "x", city: "y", car: "z" })).toEqual([]);
    expect(runs).toHaveBeenCalledTimes(1);
  });

  it("does not carry a result over to the next response", () => {
    const compiled = compileQuestionnaire(questionnaire);
    expect(compiled.validate({ age: 30, job: "x" })).toEqual([]);
    expect(compiled.validate({ age: 12, job: "x" }).map((issue) => issue.path)).toEqual(["answers.job"]);
    expect(compiled.validate({ age: 40, car: "z" })).toEqual([]);
  });
});
