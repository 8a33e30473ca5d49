import { ConditionsParser } from "survey-core";
import { ExpressionError, parseXPath, type XPathNode } from "./xpathParser.ts";

/** A question an expression may name, as the current scope sees it. */
export interface ReferenceTarget {
  /** The SurveyJS operand, e.g. `{age}` or `{panel.age}`; undefined when only aggregates may use it. */
  operand: string | undefined;
  /** For `sum(${x})` over a repeat: the repeat's operand and the question's name inside it. */
  repeat?: { operand: string; field: string };
  selectMultiple: boolean;
}

/** What an expression's names mean where it is written. */
export interface ExpressionScope {
  /** Resolves `${name}`; throws ExpressionError for an unknown name. */
  resolve(name: string): ReferenceTarget;
  /** The question `.` stands for, if any. */
  current?: ReferenceTarget;
  /** In a choice filter, a bare name is a choices column: its value for the choice being filtered. */
  choiceColumn?(name: string): string | undefined;
}

const strengths = { or: 1, and: 2, compare: 3, add: 4, multiply: 5, unary: 6, atom: 7 } as const;

interface Emitted {
  text: string;
  strength: number;
  /** A single operand (`{x}`), which SurveyJS's `empty`/`contains` accept on the left. */
  operand?: boolean;
}

const binaryOperators: Record<string, { text: string; strength: number }> = {
  or: { text: "or", strength: strengths.or },
  and: { text: "and", strength: strengths.and },
  "=": { text: "=", strength: strengths.compare },
  "!=": { text: "!=", strength: strengths.compare },
  "<": { text: "<", strength: strengths.compare },
  "<=": { text: "<=", strength: strengths.compare },
  ">": { text: ">", strength: strengths.compare },
  ">=": { text: ">=", strength: strengths.compare },
  "+": { text: "+", strength: strengths.add },
  "-": { text: "-", strength: strengths.add },
  "*": { text: "*", strength: strengths.multiply },
  div: { text: "/", strength: strengths.multiply },
  mod: { text: "%", strength: strengths.multiply },
};

function wrap(emitted: Emitted, minimum: number): string {
  return emitted.strength < minimum ? `(${emitted.text})` : emitted.text;
}

function literal(value: string): Emitted {
  const escaped = value.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
  return { text: `'${escaped}'`, strength: strengths.atom };
}

function atom(text: string, operand = false): Emitted {
  return { text, strength: strengths.atom, operand };
}

function call(name: string, args: Emitted[]): Emitted {
  return atom(`${name}(${args.map((arg) => arg.text).join(", ")})`);
}

// XPath functions with a SurveyJS function of the same meaning and arguments.
const sameFunctions: Record<string, string> = {
  today: "today",
  now: "currentDate",
  round: "round",
  int: "trunc",
  substr: "substring",
};

class Translator {
  constructor(private readonly scope: ExpressionScope) {}

  emit(node: XPathNode): Emitted {
    switch (node.kind) {
      case "number":
        return atom(node.value.startsWith(".") ? `0${node.value}` : node.value);
      case "string":
        return literal(node.value);
      case "reference":
        return atom(this.operand(this.scope.resolve(node.name), `\${${node.name}}`), true);
      case "current": {
        if (!this.scope.current) throw new ExpressionError("`.` (the current question) has no meaning here");
        return atom(this.operand(this.scope.current, "."), true);
      }
      case "name":
        return this.bareName(node.name);
      case "negate": {
        const operand = this.emit(node.operand);
        if (/^\d/.test(operand.text) && operand.strength === strengths.atom) return atom(`-${operand.text}`);
        return { text: `0 - ${wrap(operand, strengths.multiply)}`, strength: strengths.add };
      }
      case "binary":
        return this.binary(node.operator, node.left, node.right);
      case "call":
        return this.call(node.name, node.args);
    }
  }

  private operand(target: ReferenceTarget, written: string): string {
    if (target.operand) return target.operand;
    throw new ExpressionError(
      `${written} is inside a repeat; outside it only sum(), count(), min() and max() may use it`,
    );
  }

  private bareName(name: string): Emitted {
    if (name === "true" || name === "false") {
      throw new ExpressionError(`XPath has no ${name} literal: write ${name}()`);
    }
    const value = this.scope.choiceColumn?.(name);
    if (value !== undefined) return literal(value);
    if (this.scope.choiceColumn) {
      throw new ExpressionError(
        `"${name}" is not a column of the choices sheet (for the text, write '${name}')`,
      );
    }
    throw new ExpressionError(`"${name}" is an XPath path; write \${${name}} to refer to a question`);
  }

  private binary(operator: string, leftNode: XPathNode, rightNode: XPathNode): Emitted {
    const info = binaryOperators[operator];
    if (!info) throw new ExpressionError(`the operator ${operator} has no SurveyJS equivalent`);
    const left = this.emit(leftNode);
    const right = this.emit(rightNode);
    if ((operator === "=" || operator === "!=") && rightNode.kind === "string" && rightNode.value === "") {
      if (left.operand)
        return {
          text: `${left.text} ${operator === "=" ? "empty" : "notempty"}`,
          strength: strengths.compare,
        };
    }
    // Comparison and logic chains are not associative in meaning; keep their grouping visible.
    const leftText = wrap(left, info.strength);
    const rightText = wrap(right, info.strength + 1);
    return { text: `${leftText} ${info.text} ${rightText}`, strength: info.strength };
  }

  private selectTarget(
    node: XPathNode | undefined,
    functionName: string,
  ): { text: string; multiple: boolean } {
    if (node?.kind === "reference") {
      const target = this.scope.resolve(node.name);
      return { text: this.operand(target, `\${${node.name}}`), multiple: target.selectMultiple };
    }
    if (node?.kind === "current" && this.scope.current) {
      return { text: this.operand(this.scope.current, "."), multiple: this.scope.current.selectMultiple };
    }
    throw new ExpressionError(`${functionName}() needs a question (\${name} or .) as its first argument`);
  }

  private arity(name: string, args: XPathNode[], minimum: number, maximum = minimum): void {
    if (args.length < minimum || args.length > maximum) {
      const wanted = minimum === maximum ? `${minimum}` : `${minimum} to ${maximum}`;
      throw new ExpressionError(`${name}() takes ${wanted} argument(s), not ${args.length}`);
    }
  }

  private call(name: string, args: XPathNode[]): Emitted {
    const emitAll = () => args.map((arg) => this.emit(arg));
    switch (name) {
      case "true":
      case "false":
        this.arity(name, args, 0);
        return atom(name);
      case "not": {
        this.arity(name, args, 1);
        const [inner] = emitAll();
        return { text: `!(${inner?.text})`, strength: strengths.unary };
      }
      case "if":
        this.arity(name, args, 3);
        return call("iif", emitAll());
      case "selected": {
        this.arity(name, args, 2);
        const target = this.selectTarget(args[0], name);
        const value = this.emit(args[1] as XPathNode);
        return {
          text: `${target.text} ${target.multiple ? "contains" : "="} ${wrap(value, strengths.atom)}`,
          strength: strengths.compare,
        };
      }
      case "count-selected": {
        this.arity(name, args, 1);
        return call("count", [atom(this.selectTarget(args[0], name).text)]);
      }
      case "string-length": {
        this.arity(name, args, 1);
        const target = this.selectTarget(args[0], name);
        return atom(`${target.text.slice(0, -1)}.length}`);
      }
      case "coalesce": {
        this.arity(name, args, 2);
        const [first, second] = emitAll() as [Emitted, Emitted];
        if (!first.operand) throw new ExpressionError("coalesce() needs a question as its first argument");
        return call("iif", [atom(`${first.text} notempty`), first, second]);
      }
      case "number":
      case "string":
        this.arity(name, args, 1);
        return this.emit(args[0] as XPathNode);
      case "sum":
      case "count":
      case "min":
      case "max":
        return this.aggregate(name, args);
      default: {
        const same = sameFunctions[name];
        if (same) return call(same, emitAll());
        throw new ExpressionError(`the function ${name}() has no SurveyJS equivalent`);
      }
    }
  }

  private aggregate(name: string, args: XPathNode[]): Emitted {
    const [only] = args;
    if (args.length === 1 && only?.kind === "reference") {
      const target = this.scope.resolve(only.name);
      if (target.repeat) {
        const field = literal(target.repeat.field).text;
        return call(`${name}InArray`, [atom(target.repeat.operand), atom(field)]);
      }
    }
    return call(
      name,
      args.map((arg) => this.emit(arg)),
    );
  }
}

const checker = new ConditionsParser();

/**
 * Translates an XLSForm (XPath) expression into a SurveyJS expression. Throws ExpressionError, with
 * the reason, for what SurveyJS cannot express.
 */
export function translateExpression(source: string, scope: ExpressionScope): string {
  const text = new Translator(scope).emit(parseXPath(source)).text;
  if (!checker.parseExpression(text)) {
    throw new ExpressionError(`the translation ${text} is not a valid SurveyJS expression`);
  }
  return text;
}
