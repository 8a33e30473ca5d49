import {
  Helpers,
  type ItemValue,
  Model,
  type Question,
  type QuestionBooleanModel,
  type QuestionCheckboxModel,
  type QuestionMatrixModel,
  type QuestionMultipleTextModel,
  type QuestionRankingModel,
  type QuestionRatingModel,
  type QuestionSelectBase,
  type QuestionTextModel,
} from "survey-core";
import type { QuestionnaireJson } from "../types.ts";

/**
 * The reference verdict for the differential test: a full survey-core Model validates the answers
 * (required, validators, other text, limits, rows), then the rules survey-core leaves to its UI are
 * checked against the Model's own live state (its visibility, visible choices, rows and rate values).
 * Returns one line per problem; none means valid. Slow by design: a Model per call.
 */
export function referenceIssues(json: QuestionnaireJson, answers: Record<string, unknown>): string[] {
  const model = new Model(json);
  model.data = structuredClone(answers);
  const issues: string[] = [];
  if (!model.validate(true, false)) {
    for (const question of model.getAllQuestions()) {
      for (const error of question.getAllErrors()) issues.push(`${question.name}: ${error.getText()}`);
    }
    if (issues.length === 0) issues.push("survey-core reports an error");
  }
  for (const key of Object.keys(answers)) {
    if (!isKnownKey(model, key)) issues.push(`${key}: unknown`);
  }
  for (const question of model.getAllQuestions()) {
    const value = answers[question.getValueName()];
    const shown = question.isVisible && question.isParentVisible;
    // The submitted value, not question.value: a dropdown hides a value that is not among its choices.
    const answered = !isBlank(value);
    if (answered && !shown) issues.push(`${question.name}: answered while hidden`);
    else if (answered && question.getType() !== "expression") {
      const problem = uiRuleProblem(question, value);
      if (problem) issues.push(`${question.name}: ${problem}`);
    }
    const comment = answers[`${question.getValueName()}-Comment`];
    if (comment !== undefined && comment !== "" && !commentAllowed(question, shown, comment)) {
      issues.push(`${question.name}: comment not allowed`);
    }
  }
  return issues;
}

function isKnownKey(model: Model, key: string): boolean {
  if (model.getQuestionByValueName(key)) return true;
  return key.endsWith("-Comment") && model.getQuestionByValueName(key.slice(0, -"-Comment".length)) !== null;
}

function commentAllowed(question: Question, shown: boolean, comment: unknown): boolean {
  if (!shown || typeof comment !== "string") return false;
  const select = question as QuestionSelectBase;
  return question.showCommentArea || (select.showOtherItem === true && select.isOtherSelected);
}

function uiRuleProblem(question: Question, value: unknown): string | undefined {
  switch (question.getType()) {
    case "text":
      return textProblem(question as QuestionTextModel, value);
    case "comment":
      return textProblem(question as unknown as QuestionTextModel, value);
    case "radiogroup":
    case "dropdown": {
      const select = question as QuestionSelectBase;
      const otherText =
        select.showOtherItem && !select.getStoreOthersAsComment() && typeof value === "string";
      return choiceValues(select).includes(value) || otherText ? undefined : "not a visible choice";
    }
    case "checkbox":
    case "tagbox": {
      const checkbox = question as QuestionCheckboxModel;
      const problem = listProblem(choiceValues(checkbox), value);
      if (problem) return problem;
      const list = value as unknown[];
      const exclusive = checkbox.visibleChoices.filter((item) => item.isExclusive).map((item) => item.value);
      if (list.length > 1 && list.some((item) => exclusive.includes(item)))
        return "exclusive choice combined";
      return checkbox.maxSelectedChoices > 0 && list.length > checkbox.maxSelectedChoices
        ? "too many"
        : undefined;
    }
    case "ranking": {
      const ranking = question as QuestionRankingModel;
      const known = choiceValues(ranking);
      const problem = listProblem(known, value);
      if (problem) return problem;
      return !ranking.selectToRankEnabled && (value as unknown[]).length !== known.length
        ? "incomplete"
        : undefined;
    }
    case "boolean": {
      const boolean = question as QuestionBooleanModel;
      return value === boolean.getValueTrue() || value === boolean.getValueFalse()
        ? undefined
        : "not boolean";
    }
    case "rating": {
      const values = (question as QuestionRatingModel).visibleRateValues.map((item) => item.value);
      return values.includes(value) ? undefined : "not a rate value";
    }
    case "matrix":
      return matrixProblem(question as QuestionMatrixModel, value);
    case "multipletext":
      return multipleTextProblem(question as QuestionMultipleTextModel, value);
    default:
      return "takes no answer";
  }
}

function choiceValues(question: QuestionSelectBase): unknown[] {
  return question.visibleChoices
    .filter((item) => item !== question.selectAllItem)
    .map((item: ItemValue) => item.value);
}

function listProblem(known: unknown[], value: unknown): string | undefined {
  if (!Array.isArray(value)) return "not a list";
  if (new Set(value).size !== value.length) return "repeated choice";
  return value.every((item) => known.includes(item)) ? undefined : "not a visible choice";
}

function textProblem(question: QuestionTextModel, value: unknown): string | undefined {
  const inputType = question.getType() === "text" ? question.inputType : "text";
  if (inputType === "number" || inputType === "range") {
    return typeof value === "number" && Number.isFinite(value) ? undefined : "not a number";
  }
  if (typeof value !== "string") return "not text";
  if (inputType === "date" && !isCalendarDate(value)) return "not a date";
  const maxLength = question.getMaxLength();
  return maxLength && value.length > maxLength ? "too long" : undefined;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function matrixProblem(question: QuestionMatrixModel, value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not an object";
  const rows = question.visibleRows.map((row) => String(row.name));
  const columns = question.visibleColumns.map((column: ItemValue) => column.value);
  for (const [row, column] of Object.entries(value)) {
    if (!rows.includes(row)) return "unknown row";
    if (!isBlank(column) && !columns.includes(column)) return "unknown column";
  }
  return undefined;
}

function multipleTextProblem(question: QuestionMultipleTextModel, value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not an object";
  for (const [name, itemValue] of Object.entries(value)) {
    const item = question.items.find((candidate) => candidate.name === name);
    if (!item) return "unknown item";
    if (isBlank(itemValue)) continue;
    const problem = textProblem(item.editor, itemValue);
    if (problem) return problem;
  }
  return undefined;
}

function isBlank(value: unknown): boolean {
  return Helpers.isValueEmpty(typeof value === "string" ? value.trim() : value);
}
