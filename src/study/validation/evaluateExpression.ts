import { ConditionRunner } from "survey-core";
import { ParallaxError } from "../../errors.ts";
import { isEmptyAnswer } from "./isEmptyAnswer.ts";

interface ParsedExpression {
  runner: ConditionRunner;
  /** The answers the expression reads, worked out once: survey-core walks the expression for each call. */
  roots: string[];
}

const runners = new Map<string, ParsedExpression>();
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
  const { runner, roots } = parse(expression);
  for (const root of roots) {
    if (isEmptyAnswer(answers[root])) return undefined;
  }
  // runValues takes a HashTable<any>; answers are plain JSON values.
  return runner.runValues(answers as Parameters<ConditionRunner["runValues"]>[0]) === true;
}

function parse(expression: string): ParsedExpression {
  let parsed = runners.get(expression);
  if (!parsed) {
    if (runners.size >= maxCachedRunners) runners.clear();
    const runner = new ConditionRunner(expression);
    if (!runner.canRun()) {
      throw new ParallaxError("STUDY_INVALID", `Cannot parse the expression ${expression}`, [
        { path: "expression", message: `cannot parse ${expression}` },
      ]);
    }
    parsed = { runner, roots: runner.getVariables().map(rootName) };
    runners.set(expression, parsed);
  }
  return parsed;
}

/** "mt.item" → "mt", "pd[0].q" → "pd": the answer that holds the variable. */
function rootName(variable: string): string {
  const end = variable.search(/[.[]/);
  return end < 0 ? variable : variable.slice(0, end);
}
