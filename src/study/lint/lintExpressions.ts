import type { LoadedQuestionnaire } from "../types.ts";
import { checkExpression, type ExpressionScope } from "./checkExpression.ts";
import { checkPipedText } from "./checkPipedText.ts";
import type { QuestionnaireIndex } from "./indexQuestionnaire.ts";
import { childPath } from "./jsonPath.ts";
import { type LintProblem, ProblemSink } from "./lintProblem.ts";
import { choiceValues } from "./questionChoices.ts";
import { expressionProperties, questionReferenceProperties, textProperties } from "./surveyVocabulary.ts";
import { walkObjects } from "./walkObjects.ts";

/**
 * Checks every expression of a questionnaire (visibleIf, enableIf, requiredIf, validators, triggers,
 * calculated values, choicesVisibleIf …), every property that names a question directly, and every
 * answer piped into a text as {name}.
 */
export function lintExpressions(
  questionnaire: LoadedQuestionnaire,
  index: QuestionnaireIndex,
): LintProblem[] {
  const expressions = new ProblemSink(questionnaire.file, "expression");
  const references = new ProblemSink(questionnaire.file, "reference");
  const scope = expressionScope(questionnaire, index);
  walkObjects(questionnaire.json, "$", (object, path) => {
    for (const [key, value] of Object.entries(object)) {
      if (expressionProperties.has(key)) {
        checkExpression(expressions, childPath(path, key), value, scope);
      } else if (textProperties.has(key)) {
        checkPipedText(references, childPath(path, key), value, scope.names);
      } else if (questionReferenceProperties.has(key) && typeof value === "string" && value !== "") {
        if (!scope.names.has(value.toLowerCase())) {
          references.error(childPath(path, key), `names unknown question "${value}"`);
        }
      }
    }
  });
  return [...expressions.problems, ...references.problems];
}

/**
 * What expressions in this questionnaire may read: questions, their valueNames and calculated values; and
 * the choices of each choice question, which comparisons must use.
 */
export function expressionScope(
  questionnaire: LoadedQuestionnaire,
  index: QuestionnaireIndex,
): ExpressionScope {
  const names = new Set<string>();
  const choices = new Map<string, string[]>();
  for (const [name, question] of index.questions) {
    names.add(name.toLowerCase());
    const valueName = question.json.valueName;
    if (typeof valueName === "string" && valueName !== "") names.add(valueName.toLowerCase());
    const values = question.json.type === "matrix" ? undefined : choiceValues(question.json);
    if (values) choices.set(name.toLowerCase(), values);
  }
  const calculated = questionnaire.json.calculatedValues;
  if (Array.isArray(calculated)) {
    for (const item of calculated) {
      const name = (item as { name?: unknown } | null)?.name;
      if (typeof name === "string") names.add(name.toLowerCase());
    }
  }
  return { names, choices };
}
