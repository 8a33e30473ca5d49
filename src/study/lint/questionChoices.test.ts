import { describe, expect, it } from "vitest";
import { choiceValues, questionKind, rowValues } from "./questionChoices.ts";

describe("choiceValues", () => {
  it("lists written choices, then SurveyJS's built-in items in the order they are switched on", () => {
    const question = {
      type: "checkbox",
      name: "q",
      choices: ["a", 2, { value: "c", text: "C" }],
      showOtherItem: true,
      showNoneItem: true,
      showRefuseItem: true,
      showDontKnowItem: true,
    };
    expect(choiceValues(question)).toEqual(["a", "2", "c", "other", "none", "refused", "dontknow"]);
  });

  it("derives booleans and rating scales as survey-core does", () => {
    expect(choiceValues({ type: "boolean", name: "b" })).toEqual(["true", "false"]);
    expect(choiceValues({ type: "boolean", name: "b", valueTrue: "yes", valueFalse: "no" })).toEqual([
      "yes",
      "no",
    ]);
    expect(choiceValues({ type: "rating", name: "r" })).toEqual(["1", "2", "3", "4", "5"]);
    expect(choiceValues({ type: "rating", name: "r", rateMin: 0, rateMax: 10, rateStep: 5 })).toEqual([
      "0",
      "5",
      "10",
    ]);
  });

  it("gives matrix columns as choices and rows apart", () => {
    const matrix = {
      type: "matrix",
      name: "m",
      rows: ["r1", { value: "r2" }],
      columns: [{ value: 1 }, { value: 2 }],
    };
    expect(choiceValues(matrix)).toEqual(["1", "2"]);
    expect(rowValues(matrix)).toEqual(["r1", "r2"]);
  });

  it("gives nothing for choices not written in the JSON", () => {
    expect(choiceValues({ type: "dropdown", name: "d", choicesByUrl: { url: "x" } })).toBeUndefined();
    expect(choiceValues({ type: "dropdown", name: "d", choicesFromQuestion: "other" })).toBeUndefined();
    expect(choiceValues({ type: "comment", name: "c" })).toBeUndefined();
  });
});

describe("questionKind", () => {
  it("tells open, numeric, single, multiple and ranking questions apart", () => {
    expect(questionKind({ type: "text", name: "t" })).toBe("open");
    expect(questionKind({ type: "text", name: "t", inputType: "number" })).toBe("number");
    expect(questionKind({ type: "rating", name: "t" })).toBe("single");
    expect(questionKind({ type: "imagepicker", name: "t", multiSelect: true })).toBe("multiple");
    expect(questionKind({ type: "ranking", name: "t" })).toBe("ranking");
    expect(questionKind({ type: "file", name: "t" })).toBe("other");
  });
});
