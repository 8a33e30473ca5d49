import { ConditionRunner } from "survey-core";
import { ParallaxError } from "../../errors.ts";
import { isEmptyAnswer } from "./isEmptyAnswer.ts";

const runners = new Map<string, ConditionRunner>();
const maxCachedRunners = 1000;

/**
 * Evaluates a SurveyJS boolean expression (such as an eligibility rule) over answers with survey-core's
 * engine. Returns undefined when a question the expression names is unanswered, so "not yet known" is
 * never mistaken for "false". Throws STUDY_INVALID when the expression cannot be parsed.
 */
export function evaluateExpression(
  expression: string,
  answers: Record<string, unknown>,
): boolean | undefined {
  const runner = runnerFor(expression);
  for (const variable of runner.getVariables()) {
    if (isEmptyAnswer(answers[rootName(variable)])) return undefined;
  }
  // runValues takes a HashTable<any>; answers are plain JSON values.
  return runner.runValues(answers as Parameters<ConditionRunner["runValues"]>[0]) === true;
}

function runnerFor(expression: string): ConditionRunner {
  let runner = runners.get(expression);
  if (!runner) {
    if (runners.size >= maxCachedRunners) runners.clear();
    runner = new ConditionRunner(expression);
    if (!runner.canRun()) {
      throw new ParallaxError("STUDY_INVALID", `Cannot parse the expression ${expression}`, [
        { path: "expression", message: `cannot parse ${expression}` },
      ]);
    }
    runners.set(expression, runner);
  }
  return runner;
}

/** "mt.item" → "mt", "pd[0].q" → "pd": the answer that holds the variable. */
function rootName(variable: string): string {
  const end = variable.search(/[.[]/);
  return end < 0 ? variable : variable.slice(0, end);
}
