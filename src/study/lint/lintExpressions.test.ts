import { describe, expect, it } from "vitest";
import { buildTestStudy, testElement } from "./buildTestStudy.ts";
import { lintStudy } from "./lintStudy.ts";

function expressionProblems(study: ReturnType<typeof buildTestStudy>) {
  return lintStudy(study)
    .filter((problem) => problem.rule === "expression" || problem.rule === "reference")
    .map(({ file, path, message }) => `${file} ${path}: ${message}`);
}

describe("questionnaire expressions", () => {
  it("accepts expressions over existing questions, calculated values, built-ins and context words", () => {
    const study = buildTestStudy();
    const json = study.questionnaires.lac.json;
    json.calculatedValues = [{ name: "adult", expression: "{age} >= 18" }];
    json.triggers = [{ type: "complete", expression: "{adult} = false" }];
    const relacion = testElement(study, "lac", "relacion");
    relacion.visibleIf = "{adult} and {COUNTRY} anyof ['AR', 'MX'] and {locale} = 'es'";
    relacion.choicesVisibleIf = "{item} != 'socios' or {age} > 30";
    relacion.enableIf = "{country.length} > 0 or {keywords[0]} notempty or {keywords-unwrapped} empty";
    relacion.validators = [{ type: "expression", expression: "iif({age} > 20, true, false)", text: "x" }];
    relacion.requiredIf = "age({age}) > 0";
    expect(expressionProblems(study)).toEqual([]);
  });

  it("reports an expression that does not parse, with where it fails", () => {
    const study = buildTestStudy();
    testElement(study, "lac", "keywords").visibleIf = "{age} >= ";
    expect(expressionProblems(study)).toEqual([
      'lac.json $.pages[1].elements[0].visibleIf: expression "{age} >= " does not parse at character 10: unexpected end of input',
    ]);
  });

  it("reports unknown questions by their root name, in every place an expression can sit", () => {
    const study = buildTestStudy();
    const json = study.questionnaires.lac.json;
    json.calculatedValues = [{ name: "score", expression: "{ghost1} + 1" }];
    json.triggers = [{ type: "setvalue", expression: "{ghost2.item} = 1", setToName: "ghost3", setValue: 1 }];
    const keywords = testElement(study, "lac", "keywords");
    keywords.enableIf = "{ghost4[0]} = 1";
    keywords.requiredIf = "{age} > 1 and {ghost5} = 2";
    const relacion = testElement(study, "lac", "relacion");
    relacion.choicesVisibleIf = "{ghost6} = {item}";
    relacion.validators = [{ type: "expression", expression: "{ghost7} > 0" }];
    expect(expressionProblems(study)).toEqual([
      'lac.json $.pages[1].elements[0].enableIf: expression "{ghost4[0]} = 1" names unknown question {ghost4[0]}',
      'lac.json $.pages[1].elements[0].requiredIf: expression "{age} > 1 and {ghost5} = 2" names unknown question {ghost5}',
      'lac.json $.pages[1].elements[1].choicesVisibleIf: expression "{ghost6} = {item}" names unknown question {ghost6}',
      'lac.json $.pages[1].elements[1].validators[0].expression: expression "{ghost7} > 0" names unknown question {ghost7}',
      'lac.json $.calculatedValues[0].expression: expression "{ghost1} + 1" names unknown question {ghost1}',
      'lac.json $.triggers[0].expression: expression "{ghost2.item} = 1" names unknown question {ghost2.item}',
      'lac.json $.triggers[0].setToName: names unknown question "ghost3"',
    ]);
  });

  it("does not let an expression outside a dynamic panel read a question inside its template", () => {
    const study = buildTestStudy();
    const title = { default: "T", es: "T" };
    study.questionnaires.lac.json.pages?.[1].elements?.push({
      type: "paneldynamic",
      name: "trips",
      title,
      templateElements: [
        { type: "text", name: "place", title },
        { type: "text", name: "cost", title, visibleIf: "{panel.place} notempty" },
      ],
    });
    testElement(study, "lac", "keywords").visibleIf = "{place} = 'x' or {trips[0].place} = 'y'";
    expect(expressionProblems(study)).toEqual([
      `lac.json $.pages[1].elements[0].visibleIf: expression "{place} = 'x' or {trips[0].place} = 'y'" names unknown question {place}`,
    ]);
  });

  it("reports a choice question compared with a value that is not one of its choices", () => {
    const study = buildTestStudy();
    testElement(study, "lac", "keywords").visibleIf =
      "{relacion} anyof ['amigos', 'rivales'] or {country} = 'AR'";
    study.definition.populations[1].eligibility = "{age} >= 18 and {country} <> 'BR'";
    expect(expressionProblems(study)).toEqual([
      `lac.json $.pages[1].elements[0].visibleIf: expression "{relacion} anyof ['amigos', 'rivales'] or {country} = 'AR'" compares {relacion} with "rivales", which is not one of its choices`,
    ]);
    expect(lintStudy(study).find((problem) => problem.rule === "eligibility")?.message).toBe(
      `expression "{age} >= 18 and {country} <> 'BR'" compares {country} with "BR", which is not one of its choices`,
    );
  });

  it("reports an answer piped into a text that names no question, once for all languages", () => {
    const study = buildTestStudy();
    testElement(study, "lac", "relacion").title = { default: "Aged {age}, {edad}?", es: "¿{edad} años?" };
    testElement(study, "lac", "keywords").description = { default: "Page {pageno}", es: "Página {PageNo}" };
    testElement(study, "lac", "age").description = { default: "<style>b { color: red; }</style>", es: "-" };
    expect(expressionProblems(study)).toEqual([
      "lac.json $.pages[1].elements[1].title: text shows {edad}, which names no question",
    ]);
  });

  it("reports a function survey-core does not know", () => {
    const study = buildTestStudy();
    testElement(study, "lac", "keywords").visibleIf = "isAdult({age})";
    expect(expressionProblems(study)).toEqual([
      'lac.json $.pages[1].elements[0].visibleIf: expression "isAdult({age})" calls unknown function isAdult()',
    ]);
  });

  it("reports a question named directly that does not exist", () => {
    const study = buildTestStudy();
    testElement(study, "lac", "relacion").choicesFromQuestion = "missing";
    expect(expressionProblems(study)).toEqual([
      'lac.json $.pages[1].elements[1].choicesFromQuestion: names unknown question "missing"',
    ]);
  });
});
