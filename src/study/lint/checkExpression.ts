import type { ProblemSink } from "./lintProblem.ts";
import { parseSurveyExpression, variableRoot } from "./parseSurveyExpression.ts";
import { builtInVariables } from "./surveyVocabulary.ts";

/** What an expression may read. Names are lower-cased: SurveyJS looks them up without regard to case. */
export interface ExpressionScope {
  names: ReadonlySet<string>;
  /** The choice values of each choice question, by lower-cased name. */
  choices: ReadonlyMap<string, readonly string[]>;
}

/**
 * Checks one expression: it must parse, call only functions survey-core knows, read only names in scope
 * or built-in variables, and compare a choice question only with values among its choices.
 */
export function checkExpression(
  sink: ProblemSink,
  path: string,
  text: unknown,
  scope: ExpressionScope,
): void {
  if (typeof text !== "string") {
    sink.error(path, "must be a string holding an expression");
    return;
  }
  const parsed = parseSurveyExpression(text);
  if (!parsed.ok) {
    sink.error(path, `expression "${text}" ${parsed.error}`);
    return;
  }
  for (const name of parsed.unknownFunctions) {
    sink.error(path, `expression "${text}" calls unknown function ${name}()`);
  }
  for (const variable of parsed.variables) {
    if (!isKnownVariable(variable, scope.names)) {
      sink.error(path, `expression "${text}" names unknown question {${variable}}`);
    }
  }
  for (const comparison of parsed.comparisons) {
    const choices = scope.choices.get(comparison.variable.toLowerCase());
    if (!choices) continue;
    for (const value of comparison.values) {
      if (!choices.includes(String(value))) {
        sink.error(
          path,
          `expression "${text}" compares {${comparison.variable}} with "${value}", which is not one of its choices`,
        );
      }
    }
  }
}

/** Whether a variable, by its whole name or the question it reads, is in scope or built in. */
export function isKnownVariable(variable: string, known: ReadonlySet<string>): boolean {
  const whole = variable.toLowerCase();
  const root = variableRoot(whole);
  return known.has(whole) || known.has(root) || builtInVariables.has(root);
}
