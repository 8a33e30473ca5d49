// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes its references as ${name} inside plain strings
import { ExpressionRunner } from "survey-core";
import { describe, expect, it } from "vitest";
import { type ExpressionScope, type ReferenceTarget, translateExpression } from "./translateExpression.ts";
import { ExpressionError } from "./xpathParser.ts";

const questions: Record<string, ReferenceTarget> = {
  age: { operand: "{age}", selectMultiple: false },
  sex: { operand: "{sex}", selectMultiple: false },
  fruits: { operand: "{fruits}", selectMultiple: true },
  name: { operand: "{name}", selectMultiple: false },
  "label-test": { operand: "{label-test}", selectMultiple: false },
  weight: { operand: undefined, selectMultiple: false, repeat: { operand: "{people}", field: "weight" } },
};

const scope: ExpressionScope = {
  resolve(name) {
    const target = questions[name];
    if (!target) throw new ExpressionError(`\${${name}} is not a name in the survey sheet`);
    return target;
  },
  current: { operand: "{age}", selectMultiple: false },
};

const translate = (source: string) => translateExpression(source, scope);
const run = (expression: string, values: Record<string, unknown>) =>
  new ExpressionRunner(expression).runValues(values);

describe("translateExpression", () => {
  it.each([
    ["${age} >= 18 and ${age} <= 70", "{age} >= 18 and {age} <= 70"],
    ["${age} > 1 or not(${sex} = 'f')", "{age} > 1 or !({sex} = 'f')"],
    [". > 0", "{age} > 0"],
    ["${age} != 3", "{age} != 3"],
    ["${age} div 2 mod 3", "{age} / 2 % 3"],
    ["${age} - (1 - 2)", "{age} - (1 - 2)"],
    ["-${age}", "0 - {age}"],
    ["-5 < ${age}", "-5 < {age}"],
    ["selected(${fruits}, 'apple')", "{fruits} contains 'apple'"],
    ["selected(${sex}, 'f')", "{sex} = 'f'"],
    ["count-selected(${fruits}) >= 2", "count({fruits}) >= 2"],
    ["string-length(${name}) > 3", "{name.length} > 3"],
    ["if(${age} > 17, 'adult', 'minor')", "iif({age} > 17, 'adult', 'minor')"],
    ["${name} = ''", "{name} empty"],
    ["${name} != ''", "{name} notempty"],
    ["today()", "today()"],
    ["now()", "currentDate()"],
    ["true() and false()", "true and false"],
    ["round(${age} div 3, 2)", "round({age} / 3, 2)"],
    ["int(${age})", "trunc({age})"],
    ["coalesce(${name}, 'none')", "iif({name} notempty, {name}, 'none')"],
    ["sum(${weight})", "sumInArray({people}, 'weight')"],
    ["max(${weight})", "maxInArray({people}, 'weight')"],
    ["max(${age}, 3)", "max({age}, 3)"],
    ['${label-test} = "it\'s"', "{label-test} = 'it\\'s'"],
    [".5 < ${age}", "0.5 < {age}"],
  ])("%s → %s", (source, expected) => {
    expect(translate(source)).toBe(expected);
  });

  it("keeps the meaning: evaluated by survey-core, translations give what XPath gives", () => {
    expect(run(translate("${age} >= 18 and ${age} <= 70"), { age: 30 })).toBe(true);
    expect(run(translate("${age} >= 18 and ${age} <= 70"), { age: 71 })).toBe(false);
    expect(run(translate("selected(${fruits}, 'apple')"), { fruits: ["pear", "apple"] })).toBe(true);
    expect(run(translate("selected(${fruits}, 'app')"), { fruits: ["apple"] })).toBe(false);
    expect(run(translate("count-selected(${fruits})"), { fruits: ["a", "b", "c"] })).toBe(3);
    expect(run(translate("7 mod 3 + 6 div 4"), {})).toBe(2.5);
    expect(run(translate("not(${age} > 3)"), { age: 2 })).toBe(true);
    expect(run(translate("if(${age} > 17, 'adult', 'minor')"), { age: 12 })).toBe("minor");
    expect(run(translate("string-length(${name})"), { name: "Ana" })).toBe(3);
    expect(run(translate("${age} - (1 - 2)"), { age: 5 })).toBe(6);
    expect(run(translate("sum(${weight})"), { people: [{ weight: 2 }, { weight: 5 }] })).toBe(7);
  });

  it.each([
    ["regex(${name}, '^a')", /regex\(\) has no SurveyJS equivalent/],
    ["pulldata('f', 'a', 'b', 'c')", /pulldata\(\) has no SurveyJS equivalent/],
    ["${ghost} = 1", /\$\{ghost\} is not a name/],
    ["${weight} > 1", /inside a repeat/],
    ["${age} = ‘x’", /unexpected character/],
    ["because it's wrong", /no closing/],
    ["/data/age > 3", /paths and predicates/],
    ["${age} >", /ends too early/],
    ["selected('a', 'b')", /needs a question/],
    ["if(1, 2)", /takes 3 argument/],
    ["age > 3", /XPath path; write \$\{age\}/],
  ])("rejects %s with a reason", (source, reason) => {
    expect(() => translate(source)).toThrow(reason);
    expect(() => translate(source)).toThrow(ExpressionError);
  });

  it("reads choice columns in a choice filter as the filtered choice's values", () => {
    const filterScope: ExpressionScope = {
      ...scope,
      choiceColumn: (column) => (column === "cf" ? "texas" : undefined),
    };
    expect(translateExpression("${name} = cf", filterScope)).toBe("{name} = 'texas'");
    expect(() => translateExpression("cf = yes", filterScope)).toThrow(
      /"yes" is not a column of the choices sheet/,
    );
  });
});
