import { QuestionRatingModel } from "survey-core";
import type { SurveyElementJson } from "../types.ts";

export type QuestionKind = "open" | "number" | "single" | "multiple" | "ranking" | "matrix" | "other";

const kindByType: Record<string, QuestionKind> = {
  comment: "open",
  multipletext: "open",
  radiogroup: "single",
  dropdown: "single",
  rating: "single",
  boolean: "single",
  checkbox: "multiple",
  tagbox: "multiple",
  ranking: "ranking",
  matrix: "matrix",
};

const numericInputTypes = new Set(["number", "range"]);

/** What kind of answer a question collects: questions of different kinds cannot mirror each other. */
export function questionKind(question: SurveyElementJson): QuestionKind {
  if (question.type === "text") {
    return numericInputTypes.has(String(question.inputType)) ? "number" : "open";
  }
  if (question.type === "imagepicker") return question.multiSelect === true ? "multiple" : "single";
  return kindByType[question.type] ?? "other";
}

export function describeKind(kind: QuestionKind): string {
  const words: Record<QuestionKind, string> = {
    open: "an open-ended question",
    number: "a numeric question",
    single: "a single-choice question",
    multiple: "a multiple-choice question",
    ranking: "a ranking question",
    matrix: "a matrix",
    other: "a question of another kind",
  };
  return words[kind];
}

/**
 * The values a question's answer can take, as strings, including SurveyJS's built-in "other", "none",
 * "refused" and "dontknow" items when shown. Undefined when the choices are not written in the JSON
 * (loaded from a URL or copied from another question) or the question has none.
 */
export function choiceValues(question: SurveyElementJson): string[] | undefined {
  if (question.choicesByUrl !== undefined || question.choicesFromQuestion !== undefined) return undefined;
  switch (question.type) {
    case "boolean":
      return [String(question.valueTrue ?? true), String(question.valueFalse ?? false)];
    case "rating":
      return ratingValues(question);
    case "matrix":
      return itemValues(question.columns);
    case "ranking":
      return itemValues(question.choices);
    default: {
      if (!Array.isArray(question.choices)) return undefined;
      return [...(itemValues(question.choices) ?? []), ...specialItems(question)];
    }
  }
}

/** The row values of a single-choice matrix; undefined for other questions. */
export function rowValues(question: SurveyElementJson): string[] | undefined {
  return question.type === "matrix" ? itemValues(question.rows) : undefined;
}

export function itemValues(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((item) => {
    if (typeof item === "string" || typeof item === "number" || typeof item === "boolean")
      return [String(item)];
    const value = (item as { value?: unknown } | null)?.value;
    return value === undefined || value === null ? [] : [String(value)];
  });
}

function specialItems(question: SurveyElementJson): string[] {
  const values: string[] = [];
  if (question.showOtherItem === true || question.hasOther === true) values.push("other");
  if (question.showNoneItem === true || question.hasNone === true) values.push("none");
  if (question.showRefuseItem === true) values.push("refused");
  if (question.showDontKnowItem === true) values.push("dontknow");
  return values;
}

/** Rating scales derive their values from rateValues, rateMin, rateMax, rateStep and rateCount in ways
 * that depend on the order SurveyJS applies them; asking survey-core's own rating model is exact. */
function ratingValues(question: SurveyElementJson): string[] {
  const rating = new QuestionRatingModel(question.name);
  rating.fromJSON(question);
  return rating.visibleRateValues.map((item) => String(item.value));
}
