import type { SurveySymbol } from "./surveyTree.ts";
import type { ExpressionScope, ReferenceTarget } from "./translateExpression.ts";
import { ExpressionError } from "./xpathParser.ts";

function isPrefix(prefix: string[], path: string[]): boolean {
  return prefix.length <= path.length && prefix.every((name, index) => path[index] === name);
}

/**
 * How a name reads from inside the given repeats: `{x}` at survey level, `{panel.x}` in the same repeat,
 * `{parentPanel.x}` one repeat out. A question in a repeat that does not enclose the reader is reachable only
 * through its repeat (for sum(), count(), min(), max()).
 */
export function resolveName(
  symbols: Map<string, SurveySymbol[]>,
  name: string,
  from: string[],
): ReferenceTarget {
  const candidates = symbols.get(name);
  if (!candidates || candidates.length === 0) {
    throw new ExpressionError(`\${${name}} is not a name in the survey sheet`);
  }
  const visible = candidates
    .filter((candidate) => isPrefix(candidate.repeatPath, from))
    .sort((a, b) => b.repeatPath.length - a.repeatPath.length)[0];
  const symbol = visible ?? (candidates[0] as SurveySymbol);
  if (symbol.kind === "group") throw new ExpressionError(`\${${name}} is a group, not a question`);
  if (symbol.kind === "metadata") {
    if (symbol.metadataType === "today") return { operand: "today()", selectMultiple: false };
    throw new ExpressionError(
      `\${${name}} is ${symbol.metadataType} metadata, which SurveyJS expressions cannot read`,
    );
  }
  const selectMultiple = symbol.selectMultiple;
  if (visible) {
    const depth = symbol.repeatPath.length;
    const up = from.length - depth;
    if (depth === 0) return { operand: `{${name}}`, selectMultiple };
    if (up === 0) return { operand: `{panel.${name}}`, selectMultiple };
    if (up === 1) return { operand: `{parentPanel.${name}}`, selectMultiple };
    throw new ExpressionError(`\${${name}} is ${up} repeats out; SurveyJS reaches one repeat out at most`);
  }
  const repeatName = symbol.repeatPath[symbol.repeatPath.length - 1] as string;
  const repeatPath = symbol.repeatPath.slice(0, -1);
  if (!isPrefix(repeatPath, from)) return { operand: undefined, selectMultiple };
  const repeat = resolveName(symbols, repeatName, from);
  if (!repeat.operand) return { operand: undefined, selectMultiple };
  return { operand: undefined, selectMultiple, repeat: { operand: repeat.operand, field: name } };
}

export function surveyScope(
  symbols: Map<string, SurveySymbol[]>,
  from: string[],
  currentName?: string,
): ExpressionScope {
  const scope: ExpressionScope = { resolve: (name) => resolveName(symbols, name, from) };
  if (currentName !== undefined) scope.current = resolveName(symbols, currentName, from);
  return scope;
}
