import type {
  ItemValue,
  Question,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionCommentModel,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionRankingModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
} from "survey-core";
import { multipleChoiceKind, rankingKind, singleChoiceKind } from "./choiceKinds.ts";
import { compileChoiceSet } from "./choiceSet.ts";
import type { AnswerKind } from "./compiledQuestion.ts";
import { compileValidators } from "./compileValidators.ts";
import { type CompileProblem, optionalCondition } from "./conditions.ts";
import { type GridOption, matrixKind, multipleTextKind } from "./gridKinds.ts";
import { compileTextRules } from "./textRules.ts";
import { commentKind, displayKind, expressionKind, fixedValuesKind, textKind } from "./valueKinds.ts";

type Json = Record<string, unknown>;

/** Builds the answer checks for one question from the loaded survey-core question and its JSON. */
export function compileAnswerKind(
  question: Question,
  json: Json,
  path: string,
  problems: CompileProblem[],
): AnswerKind | undefined {
  const commentKey = `${question.getValueName()}-Comment`;
  const hasCommentArea = question.showCommentArea === true;
  switch (question.getType()) {
    case "text":
      return textKind(compileTextRules(question as QuestionTextModel, path, problems), hasCommentArea);
    case "comment":
      return commentKind((question as QuestionCommentModel).getMaxLength());
    case "radiogroup":
    case "dropdown":
      return singleChoiceKind(choiceSet(question, json, path, problems), commentKey, hasCommentArea);
    case "checkbox":
    case "tagbox": {
      const checkbox = question as QuestionCheckboxModel;
      if (checkbox.valuePropertyName)
        problems.push({ path, message: '"valuePropertyName" is not supported' });
      return multipleChoiceKind(
        choiceSet(question, json, path, problems),
        limits(checkbox),
        commentKey,
        hasCommentArea,
      );
    }
    case "ranking": {
      const ranking = question as QuestionRankingModel;
      return rankingKind(
        choiceSet(question, json, path, problems),
        limits(ranking),
        ranking.selectToRankEnabled,
      );
    }
    case "boolean": {
      const boolean = question as QuestionBooleanModel;
      return fixedValuesKind([boolean.getValueTrue(), boolean.getValueFalse()], hasCommentArea);
    }
    case "rating": {
      const rating = question as QuestionRatingModel;
      if (rating.rateValues.some((item: ItemValue) => item.visibleIf)) {
        problems.push({ path, message: "rating values with visibleIf are not supported" });
      }
      return fixedValuesKind(
        rating.visibleRateValues.map((item) => item.value),
        hasCommentArea,
      );
    }
    case "matrix":
      return compileMatrix(question as QuestionMatrixModel, path, problems);
    case "multipletext":
      return compileMultipleText(question as QuestionMultipleTextModel, json, path, problems);
    case "expression":
      return expressionKind();
    case "html":
    case "image":
      return displayKind();
    default:
      problems.push({ path, message: `the question type "${question.getType()}" is not supported` });
      return undefined;
  }
}

function choiceSet(question: Question, json: Json, path: string, problems: CompileProblem[]) {
  return compileChoiceSet(question as QuestionSelectBase, json, path, problems);
}

function limits(question: QuestionCheckboxModel) {
  return { minSelected: question.minSelectedChoices || 0, maxSelected: question.maxSelectedChoices || 0 };
}

function compileMatrix(question: QuestionMatrixModel, path: string, problems: CompileProblem[]): AnswerKind {
  const options = (items: ItemValue[], where: string): GridOption[] =>
    items.map((item, index) => ({
      value: item.value,
      visibleIf: optionalCondition(item.visibleIf, `${path}.${where}[${index}].visibleIf`, problems),
    }));
  return matrixKind({
    rows: options(question.rows, "rows"),
    rowsVisibleIf: optionalCondition(question.rowsVisibleIf, `${path}.rowsVisibleIf`, problems),
    columns: options(question.columns, "columns"),
    columnsVisibleIf: optionalCondition(question.columnsVisibleIf, `${path}.columnsVisibleIf`, problems),
    eachRowRequired: question.eachRowRequired === true,
    eachRowUnique: question.eachRowUnique === true,
  });
}

function compileMultipleText(
  question: QuestionMultipleTextModel,
  json: Json,
  path: string,
  problems: CompileProblem[],
): AnswerKind {
  const rawItems = Array.isArray(json.items) ? (json.items as Json[]) : [];
  return multipleTextKind(
    question.items.map((item, index) => {
      const at = `${path}.items[${index}]`;
      return {
        name: item.name,
        required: item.isRequired === true,
        rules: compileTextRules(item.editor, at, problems),
        validators: compileValidators(item.validators, rawItems[index]?.validators, at, problems),
      };
    }),
  );
}
