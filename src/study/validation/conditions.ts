import { ConditionRunner, ExpressionRunner } from "survey-core";

export type Values = Record<string, unknown>;

/** A SurveyJS boolean expression, parsed once and run many times with survey-core's own engine. */
export interface Condition {
  readonly expression: string;
  run(values: Values): boolean;
}

/** A SurveyJS value expression (for expression questions, calculated values, min/max expressions). */
export interface ValueExpression {
  readonly expression: string;
  run(values: Values): unknown;
}

/** Where a questionnaire cannot be compiled: a JSON path and what is wrong there. */
export interface CompileProblem {
  path: string;
  message: string;
}

// survey-core's runValues takes a HashTable<any>; the answers are plain JSON values.
type RunnerValues = Parameters<ConditionRunner["runValues"]>[0];

export function compileCondition(expression: string, path: string, problems: CompileProblem[]): Condition {
  const runner = new ConditionRunner(expression);
  checkRunnable(runner, expression, path, problems);
  return { expression, run: (values) => runner.runValues(values as RunnerValues) === true };
}

export function compileValueExpression(
  expression: string,
  path: string,
  problems: CompileProblem[],
): ValueExpression {
  const runner = new ExpressionRunner(expression);
  checkRunnable(runner, expression, path, problems);
  return { expression, run: (values) => runner.runValues(values as RunnerValues) };
}

/** Compiles an optional expression property: absent or blank means no condition. */
export function optionalCondition(
  expression: unknown,
  path: string,
  problems: CompileProblem[],
): Condition | undefined {
  if (typeof expression !== "string" || expression.trim() === "") return undefined;
  return compileCondition(expression, path, problems);
}

function checkRunnable(
  runner: ConditionRunner | ExpressionRunner,
  expression: string,
  path: string,
  problems: CompileProblem[],
): void {
  if (!runner.canRun()) problems.push({ path, message: `cannot parse the expression ${expression}` });
  else if (runner.isAsync) {
    problems.push({ path, message: `the expression ${expression} calls an asynchronous function` });
  }
}
