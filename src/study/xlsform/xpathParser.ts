/** The part of XPath that XLSForm expressions use, as a tree. */
export type XPathNode =
  | { kind: "number"; value: string }
  | { kind: "string"; value: string }
  | { kind: "reference"; name: string }
  | { kind: "current" }
  | { kind: "name"; name: string }
  | { kind: "call"; name: string; args: XPathNode[] }
  | { kind: "binary"; operator: string; left: XPathNode; right: XPathNode }
  | { kind: "negate"; operand: XPathNode };

/** An expression that cannot be read or translated; the caller adds where it sits. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExpressionError";
  }
}

type Token =
  | { kind: "number"; text: string }
  | { kind: "string"; text: string }
  | { kind: "reference"; text: string }
  | { kind: "name"; text: string }
  | { kind: "symbol"; text: string };

const symbols = [
  "!=",
  "<=",
  ">=",
  "..",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "(",
  ")",
  ",",
  ".",
  "/",
  "|",
  "[",
  "]",
  "@",
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const reference = /^\$\{\s*([^}\s]+)\s*\}/.exec(rest);
    if (reference?.[1]) {
      tokens.push({ kind: "reference", text: reference[1] });
      at += reference[0].length;
      continue;
    }
    const number = /^(?:\d+(?:\.\d*)?|\.\d+)/.exec(rest);
    if (number) {
      tokens.push({ kind: "number", text: number[0] });
      at += number[0].length;
      continue;
    }
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      const end = rest.indexOf(quote, 1);
      if (end < 0)
        throw new ExpressionError(`the text starting at ${rest.slice(0, 12)} has no closing ${quote}`);
      tokens.push({ kind: "string", text: rest.slice(1, end) });
      at += end + 1;
      continue;
    }
    const name = /^[\p{L}_][\p{L}\p{N}_.-]*(?:::?[\p{L}_][\p{L}\p{N}_.-]*)*/u.exec(rest);
    if (name) {
      tokens.push({ kind: "name", text: name[0] });
      at += name[0].length;
      continue;
    }
    const symbol = symbols.find((candidate) => rest.startsWith(candidate));
    if (!symbol) throw new ExpressionError(`unexpected character ${JSON.stringify(rest[0])}`);
    tokens.push({ kind: "symbol", text: symbol });
    at += symbol.length;
  }
  return tokens;
}

// XPath's binary operators by binding strength; `|` (node-set union) is rejected where met.
const precedence: Record<string, number> = {
  or: 1,
  and: 2,
  "=": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  div: 6,
  mod: 6,
};

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): XPathNode {
    const node = this.expression(1);
    const extra = this.tokens[this.at];
    if (extra) throw new ExpressionError(`unexpected ${JSON.stringify(extra.text)} after the expression`);
    return node;
  }

  private operatorAhead(): string | undefined {
    const token = this.tokens[this.at];
    if (!token) return undefined;
    if (token.kind === "symbol" && token.text in precedence) return token.text;
    if (token.kind === "name" && ["or", "and", "div", "mod"].includes(token.text)) return token.text;
    return undefined;
  }

  private expression(minimum: number): XPathNode {
    let left = this.unary();
    for (;;) {
      const operator = this.operatorAhead();
      const strength = operator ? precedence[operator] : undefined;
      if (!operator || strength === undefined || strength < minimum) return left;
      this.at++;
      const right = this.expression(strength + 1);
      left = { kind: "binary", operator, left, right };
    }
  }

  private unary(): XPathNode {
    const token = this.tokens[this.at];
    if (token?.kind === "symbol" && token.text === "-") {
      this.at++;
      return { kind: "negate", operand: this.unary() };
    }
    return this.primary();
  }

  private expect(text: string): void {
    const token = this.tokens[this.at];
    if (token?.kind !== "symbol" || token.text !== text) {
      throw new ExpressionError(
        `expected ${JSON.stringify(text)} but found ${token ? JSON.stringify(token.text) : "the end"}`,
      );
    }
    this.at++;
  }

  private primary(): XPathNode {
    const token = this.tokens[this.at];
    if (!token) throw new ExpressionError("the expression ends too early");
    this.at++;
    if (token.kind === "number") return { kind: "number", value: token.text };
    if (token.kind === "string") return { kind: "string", value: token.text };
    if (token.kind === "reference") return this.noPath({ kind: "reference", name: token.text });
    if (token.kind === "name") {
      const next = this.tokens[this.at];
      if (next?.kind === "symbol" && next.text === "(") return this.call(token.text);
      return this.noPath({ kind: "name", name: token.text });
    }
    if (token.text === "(") {
      const inner = this.expression(1);
      this.expect(")");
      return inner;
    }
    if (token.text === ".") return this.noPath({ kind: "current" });
    throw new ExpressionError(
      ["/", "..", "[", "]", "@", "|"].includes(token.text)
        ? `XPath paths and predicates (${token.text}) have no SurveyJS equivalent`
        : `unexpected ${JSON.stringify(token.text)}`,
    );
  }

  private noPath(node: XPathNode): XPathNode {
    const next = this.tokens[this.at];
    if (next?.kind === "symbol" && ["/", "[", "|"].includes(next.text)) {
      throw new ExpressionError(`XPath paths and predicates (${next.text}) have no SurveyJS equivalent`);
    }
    return node;
  }

  private call(name: string): XPathNode {
    this.expect("(");
    const args: XPathNode[] = [];
    const close = this.tokens[this.at];
    if (close?.kind === "symbol" && close.text === ")") {
      this.at++;
      return { kind: "call", name, args };
    }
    for (;;) {
      args.push(this.expression(1));
      const next = this.tokens[this.at];
      if (next?.kind === "symbol" && next.text === ",") {
        this.at++;
        continue;
      }
      this.expect(")");
      return { kind: "call", name, args };
    }
  }
}

/** Parses an XLSForm expression: `${name}` references, `.`, literals, operators and function calls. */
export function parseXPath(source: string): XPathNode {
  return new Parser(tokenize(source)).parse();
}

/** The names that `${…}` references in an expression or a label point to. */
export function referencedNames(text: string): string[] {
  return [...text.matchAll(/\$\{\s*([^}\s]+)\s*\}/g)].map((match) => match[1] ?? "");
}
