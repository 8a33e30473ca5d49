import {
  ArrayOperand,
  BinaryOperand,
  ConditionsParser,
  Const,
  FunctionFactory,
  FunctionOperand,
  type Operand,
  Variable,
} from "survey-core";

/** `{q} = 'a'`, `{q} anyof ['a', 'b']`: a question's answer compared with written values. */
export interface ValueComparison {
  variable: string;
  values: unknown[];
}

/** Operators whose written values must be among the question's choices for the comparison to mean anything. */
const choiceOperators = new Set(["equal", "notequal", "anyof", "allof", "noneof", "contains", "notcontains"]);

export type ParsedExpression =
  | { ok: true; variables: string[]; unknownFunctions: string[]; comparisons: ValueComparison[] }
  | { ok: false; error: string };

/**
 * Parses a SurveyJS expression with survey-core's own parser, so the linter accepts exactly what the
 * questionnaire engine accepts, and lists the variables it reads and the functions survey-core lacks.
 */
export function parseSurveyExpression(text: string): ParsedExpression {
  if (text.trim() === "") return { ok: false, error: "is empty" };
  const parser = new ConditionsParser();
  const operand = parser.parseExpression(text);
  if (!operand) {
    const failure = parser.error;
    const where = failure ? ` at character ${failure.at + 1}` : "";
    return { ok: false, error: `does not parse${where}: ${shortReason(failure?.code)}` };
  }
  const variables: string[] = [];
  operand.setVariables(variables);
  const operands: Operand[] = [];
  operand.addOperandsToList(operands);
  const unknownFunctions = operands
    .filter((item): item is FunctionOperand => item instanceof FunctionOperand)
    .map((item) => item.functionName)
    .filter((name) => !FunctionFactory.Instance.hasFunction(name));
  const comparisons = operands.flatMap((item) => (item instanceof BinaryOperand ? comparisonOf(item) : []));
  return {
    ok: true,
    variables: [...new Set(variables)],
    unknownFunctions: [...new Set(unknownFunctions)],
    comparisons,
  };
}

/**
 * The question a variable reads: `{q.item}`, `{q[0].col}` and `{q-unwrapped}` all read question `q`.
 */
export function variableRoot(variable: string): string {
  const root = variable.split(/[.[]/, 1)[0];
  return root.endsWith("-unwrapped") ? root.slice(0, -"-unwrapped".length) : root;
}

/** The parser lists every token it expected; what it found is the useful part. */
function shortReason(code: string | undefined): string {
  const found = code ? /but (.+) found\.?$/.exec(code) : null;
  if (found) return `unexpected ${found[1]}`;
  return code ?? "syntax error";
}

function comparisonOf(operand: BinaryOperand): ValueComparison[] {
  if (!choiceOperators.has(operand.operator)) return [];
  const sides: unknown[] = [operand.leftOperand, operand.rightOperand];
  // Variable extends Const in survey-core, so a variable must be told apart before a constant.
  const variable = sides.find((side): side is Variable => side instanceof Variable);
  const written = sides.find((side) => side !== variable && isWritten(side));
  if (!variable || written === undefined) return [];
  const values = written instanceof ArrayOperand ? written.values : [written];
  return [{ variable: variable.variable, values: values.map((value) => (value as Const).correctValue) }];
}

function isWritten(side: unknown): boolean {
  if (side instanceof ArrayOperand) return side.values.every((value) => isWritten(value));
  return side instanceof Const && !(side instanceof Variable);
}
