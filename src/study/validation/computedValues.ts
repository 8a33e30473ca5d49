import type { QuestionExpressionModel, SurveyModel } from "survey-core";
import { type CompileProblem, compileValueExpression, type Values } from "./conditions.ts";

/** Values survey-core computes rather than asks: calculated values and expression questions. */
export interface ComputedValues {
  /** Answer keys a submission may carry although no respondent typed them. */
  keys: string[];
  /** The answers with every computed value recomputed, as survey-core's conditions would see them. */
  apply(answers: Values): Values;
}

interface Computation {
  key: string;
  run(values: Values): unknown;
}

// Enough passes for a computed value that reads another computed value declared after it.
const passes = 2;

export function compileComputedValues(
  json: Record<string, unknown>,
  model: SurveyModel,
  problems: CompileProblem[],
): ComputedValues {
  const computations: Computation[] = [];
  const keys: string[] = [];
  model.calculatedValues.forEach((calculated, index) => {
    const runner = compileValueExpression(
      calculated.expression,
      `calculatedValues[${index}].expression`,
      problems,
    );
    computations.push({ key: calculated.name, run: runner.run });
    if (calculated.includeIntoResult) keys.push(calculated.name);
  });
  for (const question of model.getAllQuestions(false, false, true)) {
    if (question.getType() !== "expression") continue;
    const expression = question as QuestionExpressionModel;
    if (!expression.expression) continue;
    const runner = compileValueExpression(expression.expression, `${question.name}.expression`, problems);
    const precision = expression.precision;
    computations.push({
      key: question.getValueName(),
      run: (values) => rounded(runner.run(values), precision),
    });
  }
  if (json.clearInvisibleValues === "none") {
    problems.push({
      path: "clearInvisibleValues",
      message:
        '"none" keeps answers to hidden questions, which Parallax rejects; use "onComplete" or "onHidden"',
    });
  }
  return {
    keys,
    apply(answers) {
      if (computations.length === 0) return answers;
      const values: Values = { ...answers };
      for (let pass = 0; pass < passes; pass++) {
        for (const computation of computations) values[computation.key] = computation.run(values);
      }
      return values;
    },
  };
}

function rounded(value: unknown, precision: number): unknown {
  if (typeof value !== "number" || precision < 0 || !Number.isFinite(value)) return value;
  return Number.parseFloat(value.toFixed(precision));
}
