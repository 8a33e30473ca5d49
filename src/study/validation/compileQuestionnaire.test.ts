import { describe, expect, it } from "vitest";
import { isParallaxError } from "../../errors.ts";
import type { SurveyElementJson } from "../types.ts";
import { compileQuestionnaire } from "./compileQuestionnaire.ts";
import type { ValidateOptions } from "./types.ts";

function check(elements: SurveyElementJson[], answers: Record<string, unknown>, options?: ValidateOptions) {
  return compileQuestionnaire({ elements }).validate(answers, options);
}

function messages(
  elements: SurveyElementJson[],
  answers: Record<string, unknown>,
  options?: ValidateOptions,
) {
  return check(elements, answers, options).map((issue) => `${issue.path} ${issue.message}`);
}

const age: SurveyElementJson = {
  type: "text",
  name: "age",
  inputType: "number",
  isRequired: true,
  min: 18,
  max: 120,
};

describe("required answers", () => {
  it("demands isRequired answers and accepts them when given", () => {
    expect(messages([age], {})).toEqual(['answers.age "age": needs an answer']);
    expect(messages([age], { age: 30 })).toEqual([]);
  });
  it("treats blank text as no answer, as survey-core does", () => {
    expect(messages([{ type: "text", name: "city", isRequired: true }], { city: "   " })).toEqual([
      'answers.city "city": needs an answer',
    ]);
  });
  it("follows requiredIf over the submitted answers", () => {
    const elements: SurveyElementJson[] = [
      { type: "boolean", name: "works" },
      { type: "text", name: "job", requiredIf: "{works} = true" },
    ];
    expect(messages(elements, { works: true })).toEqual(['answers.job "job": needs an answer']);
    expect(messages(elements, { works: false })).toEqual([]);
  });
  it("skips required checks for a partial response but still checks what is there", () => {
    expect(messages([age], {}, { partial: true })).toEqual([]);
    expect(messages([age], { age: "30" }, { partial: true })).toEqual([
      'answers.age "age": must be a number',
    ]);
  });
  it("does not check read-only questions, as survey-core does not", () => {
    expect(messages([{ ...age, readOnly: true }], {})).toEqual([]);
    expect(messages([{ ...age, readOnly: true, enableIf: "1 = 1" }], {})).toEqual([
      'answers.age "age": needs an answer',
    ]);
  });
});

describe("text questions", () => {
  it("checks number type and min/max", () => {
    expect(messages([age], { age: "30" })).toEqual(['answers.age "age": must be a number']);
    expect(messages([age], { age: 17 })).toEqual(['answers.age "age": must be at least 18']);
    expect(messages([age], { age: 121 })).toEqual(['answers.age "age": must be at most 120']);
    expect(messages([age], { age: 120 })).toEqual([]);
  });
  it("checks the step of a number input", () => {
    const children = { type: "text", name: "children", inputType: "number", step: 1 };
    expect(messages([children], { children: 2.5 })).toEqual([
      'answers.children "children": must be a multiple of 1',
    ]);
    expect(messages([children], { children: 2 })).toEqual([]);
  });
  it("checks dates for format, reality and limits", () => {
    const born = { type: "text", name: "born", inputType: "date", min: "1900-01-01" };
    expect(messages([born], { born: "1990-02-30" })).toEqual([
      'answers.born "born": must be a date (YYYY-MM-DD)',
    ]);
    expect(messages([born], { born: "1899-12-31" })).toEqual([
      'answers.born "born": must be at least 1900-01-01',
    ]);
    expect(messages([born], { born: "1990-02-28" })).toEqual([]);
  });
  it("checks text type and maxLength, and e-mail inputs", () => {
    const name = { type: "text", name: "name", maxLength: 5 };
    expect(messages([name], { name: 5 })).toEqual(['answers.name "name": must be text']);
    expect(messages([name], { name: "abcdef" })).toEqual([
      'answers.name "name": must be at most 5 characters long',
    ]);
    const mail = { type: "text", name: "mail", inputType: "email" };
    expect(messages([mail], { mail: "nobody" })).toEqual([
      'answers.mail "mail": must be a valid e-mail address',
    ]);
    expect(messages([mail], { mail: "a@example.org" })).toEqual([]);
  });
  it("checks comment questions as text", () => {
    const note = { type: "comment", name: "note", maxLength: 3 };
    expect(messages([note], { note: ["a"] })).toEqual(['answers.note "note": must be text']);
    expect(messages([note], { note: "abcd" })).toEqual([
      'answers.note "note": must be at most 3 characters long',
    ]);
  });
  it("evaluates minValueExpression over the answers", () => {
    const elements = [
      { type: "text", name: "low", inputType: "number" },
      { type: "text", name: "high", inputType: "number", minValueExpression: "{low}" },
    ];
    expect(messages(elements, { low: 5, high: 4 })).toEqual(['answers.high "high": must be at least 5']);
    expect(messages(elements, { low: 5, high: 5 })).toEqual([]);
  });
});

describe("validators", () => {
  const withValidators = (validators: unknown[], inputType = "text") => [
    { type: "text", name: "v", inputType, validators } as SurveyElementJson,
  ];
  it("numeric", () => {
    const elements = withValidators([{ type: "numeric", minValue: 1, maxValue: 10 }], "number");
    expect(messages(elements, { v: 11 })).toEqual(['answers.v "v": must be at most 10']);
    expect(messages(elements, { v: 0 })).toEqual(['answers.v "v": must be at least 1']);
    expect(messages(elements, { v: 10 })).toEqual([]);
  });
  it("text length, with the validator's own text in the chosen language", () => {
    const elements = withValidators([
      { type: "text", minLength: 3, text: { default: "Too short", es: "Muy corto" } },
    ]);
    expect(messages(elements, { v: "ab" })).toEqual(['answers.v "v": Too short']);
    expect(messages(elements, { v: "ab" }, { locale: "es" })).toEqual(['answers.v "v": Muy corto']);
    expect(messages(elements, { v: "abc" })).toEqual([]);
  });
  it("regex", () => {
    const elements = withValidators([{ type: "regex", regex: "^[A-Z]{2}$" }]);
    expect(messages(elements, { v: "abc" })).toEqual([
      'answers.v "v": does not match the pattern ^[A-Z]{2}$',
    ]);
    expect(messages(elements, { v: "AR" })).toEqual([]);
  });
  it("email", () => {
    const elements = withValidators([{ type: "email" }]);
    expect(messages(elements, { v: "a@b" })).toHaveLength(1);
    expect(messages(elements, { v: "a@b.org" })).toEqual([]);
  });
  it("expression, which runs even when the question is unanswered", () => {
    const elements = [
      { type: "text", name: "a", inputType: "number" },
      {
        type: "text",
        name: "b",
        inputType: "number",
        validators: [{ type: "expression", expression: "{a} + {b} = 100" }],
      },
    ];
    expect(messages(elements, { a: 40, b: 50 })).toEqual(['answers.b "b": must satisfy {a} + {b} = 100']);
    expect(messages(elements, { a: 40 })).toHaveLength(1);
    expect(messages(elements, { a: 40, b: 60 })).toEqual([]);
  });
  it("answercount", () => {
    const elements = [
      {
        type: "checkbox",
        name: "c",
        choices: ["a", "b", "c"],
        validators: [{ type: "answercount", maxCount: 2 }],
      },
    ];
    expect(messages(elements, { c: ["a", "b", "c"] })).toEqual(['answers.c "c": allows at most 2 choices']);
    expect(messages(elements, { c: ["a", "b"] })).toEqual([]);
  });
});

describe("visibility and names", () => {
  const elements: SurveyElementJson[] = [
    { type: "radiogroup", name: "aware", choices: ["yes", "no"] },
    {
      type: "panel",
      name: "details",
      visibleIf: "{aware} = 'yes'",
      elements: [{ type: "comment", name: "what", isRequired: true }],
    },
    { type: "html", name: "note", html: { default: "Thanks" } },
  ];
  it("rejects answers to questions hidden by their panel, and requires them when shown", () => {
    expect(messages(elements, { aware: "no", what: "x" })).toEqual([
      'answers.what "what": was not shown to the respondent, so it cannot have an answer',
    ]);
    expect(messages(elements, { aware: "yes" })).toEqual(['answers.what "what": needs an answer']);
    expect(messages(elements, { aware: "no" })).toEqual([]);
  });
  it("hides the questions of a hidden page", () => {
    const json = {
      pages: [
        { name: "screen", elements: [age] },
        { name: "main", visibleIf: "{age} >= 18", elements: [{ type: "text", name: "city" }] },
      ],
    };
    const compiled = compileQuestionnaire(json);
    expect(compiled.validate({ age: 30, city: "Lima" }, { partial: true })).toEqual([]);
    expect(
      compiled.validate({ age: 17, city: "Lima" }, { partial: true }).map((issue) => issue.path),
    ).toEqual(["answers.age", "answers.city"]);
    expect(compiled.isVisible("city", { age: 17 })).toBe(false);
  });
  it("rejects unknown names and answers to html", () => {
    expect(messages(elements, { aware: "no", shoe: 42 })).toEqual([
      'answers.shoe "shoe": is not a question of this questionnaire',
    ]);
    expect(messages(elements, { aware: "no", note: "x" })).toEqual([
      'answers.note "note": shows content and takes no answer',
    ]);
  });
  it("recomputes expression questions for conditions, whatever value was submitted", () => {
    const withExpression: SurveyElementJson[] = [
      { type: "text", name: "n", inputType: "number" },
      { type: "expression", name: "double", expression: "{n} * 2" },
      { type: "text", name: "big", visibleIf: "{double} > 10" },
    ];
    expect(messages(withExpression, { n: 6, double: 0, big: "yes" })).toEqual([]);
    expect(messages(withExpression, { n: 2, double: 99, big: "yes" })).toHaveLength(1);
  });
  it("stores answers under valueName", () => {
    const named = [{ type: "text", name: "q1", valueName: "firstName" }];
    expect(messages(named, { firstName: "Ana" })).toEqual([]);
    expect(messages(named, { q1: "Ana" })).toHaveLength(1);
  });
});

describe("questionnaires it cannot check", () => {
  function problemsOf(json: Record<string, unknown>): string[] {
    try {
      compileQuestionnaire(json);
    } catch (error) {
      if (isParallaxError(error)) return error.details.map((detail) => `${detail.path}: ${detail.message}`);
      throw error;
    }
    return [];
  }
  it("rejects unsupported types and properties naming where they are", () => {
    expect(
      problemsOf({
        pages: [
          {
            elements: [
              { type: "paneldynamic", name: "kids", templateElements: [{ type: "text", name: "kid" }] },
              { type: "dropdown", name: "d", choicesByUrl: { url: "https://example.org" } },
              { type: "text", name: "t", visibleIf: "{a} = " },
            ],
          },
        ],
      }),
    ).toEqual([
      'pages[0].elements[0]: the question type "paneldynamic" is not supported',
      'pages[0].elements[1]: "choicesByUrl" is not supported',
      "pages[0].elements[2].visibleIf: cannot parse the expression {a} = ",
    ]);
  });
  it("lists the answerable questions in order", () => {
    const compiled = compileQuestionnaire({ elements: [{ type: "html", name: "intro" }, age] });
    expect(compiled.questionNames).toEqual(["age"]);
  });
});
