import { describe, expect, it } from "vitest";
import { buildTestStudy, testElement } from "./buildTestStudy.ts";
import { lintStudy } from "./lintStudy.ts";

function translationProblems(study: ReturnType<typeof buildTestStudy>) {
  return lintStudy(study)
    .filter((problem) => problem.rule === "translation")
    .map(({ severity, file, path, message }) => `${severity} ${file} ${path}: ${message}`);
}

describe("questionnaire translations", () => {
  it("reports a choice text missing a population language", () => {
    const study = buildTestStudy();
    const relacion = testElement(study, "lac", "relacion");
    relacion.choices = [{ value: "amigos", text: { default: "Friends" } }, "socios"];
    expect(translationProblems(study)).toEqual([
      'error lac.json $.pages[1].elements[1].choices[0].text: missing "es"',
      'error lac.json $.pages[1].elements[1].choices[1].text: missing "es" (no text: the value "socios" is shown)',
    ]);
  });

  it("counts a plain string as English only", () => {
    const study = buildTestStudy();
    testElement(study, "china", "age").title = "Age";
    expect(translationProblems(study)).toEqual([
      'error china.json $.pages[0].elements[0].title: missing "zh-cn"',
    ]);
  });

  it("treats a missing English text as missing whether SurveyJS's key is default or en", () => {
    const study = buildTestStudy();
    testElement(study, "china", "age").title = { "zh-cn": "年龄" };
    testElement(study, "china", "keywords").title = { en: "Keywords", "zh-cn": "关键词" };
    expect(translationProblems(study)).toEqual([
      'error china.json $.pages[0].elements[0].title: missing "en"',
    ]);
  });

  it("treats empty text as missing", () => {
    const study = buildTestStudy();
    testElement(study, "lac", "age").title = { default: "Age", es: "  " };
    expect(translationProblems(study)).toEqual(['error lac.json $.pages[0].elements[0].title: missing "es"']);
  });

  it("warns about a language the population does not declare", () => {
    const study = buildTestStudy();
    testElement(study, "lac", "age").title = { default: "Age", es: "Edad", pt: "Idade" };
    expect(translationProblems(study)).toEqual([
      'warning lac.json $.pages[0].elements[0].title: has "pt", which is not a language of population lac',
    ]);
  });

  it("checks every kind of user-facing text, wherever it sits", () => {
    const study = buildTestStudy();
    const json = study.questionnaires.china.json;
    const english = "English only";
    json.description = english;
    json.completedHtml = english;
    json.pages?.[1].elements?.push(
      { type: "html", name: "note", html: english },
      {
        type: "panel",
        name: "box",
        title: english,
        elements: [
          {
            type: "checkbox",
            name: "likes",
            title: { default: "Likes", "zh-cn": "喜欢" },
            description: english,
            requiredErrorText: english,
            showOtherItem: true,
            otherText: english,
            showNoneItem: true,
            noneText: english,
            choices: [1, 2],
            validators: [{ type: "answercount", maxCount: 1, text: english }],
          },
          { type: "boolean", name: "agree", title: english, labelTrue: english, labelFalse: english },
          { type: "text", name: "tip", title: { default: "Tip", "zh-cn": "提示" }, placeholder: english },
          {
            type: "matrix",
            name: "grid",
            title: { default: "Grid", "zh-cn": "表" },
            rows: [{ value: "r1", text: english }],
            columns: ["c1"],
          },
          { type: "ranking", name: "order", title: { default: "Order", "zh-cn": "排序" }, choices: ["a"] },
          {
            type: "matrixdropdown",
            name: "table",
            title: { default: "Table", "zh-cn": "表格" },
            rows: [{ value: "1", text: { default: "One", "zh-cn": "一" } }],
            columns: [{ name: "speed" }, { name: "cost", title: english }],
          },
        ],
      },
    );
    const paths = translationProblems(study).map((line) =>
      line.split(":")[0].replace("error china.json ", ""),
    );
    expect(paths).toEqual([
      "$.description",
      "$.completedHtml",
      "$.pages[1].elements[2].html",
      "$.pages[1].elements[3].title",
      "$.pages[1].elements[3].elements[0].description",
      "$.pages[1].elements[3].elements[0].requiredErrorText",
      "$.pages[1].elements[3].elements[0].otherText",
      "$.pages[1].elements[3].elements[0].noneText",
      "$.pages[1].elements[3].elements[0].validators[0].text",
      "$.pages[1].elements[3].elements[1].title",
      "$.pages[1].elements[3].elements[1].labelTrue",
      "$.pages[1].elements[3].elements[1].labelFalse",
      "$.pages[1].elements[3].elements[2].placeholder",
      "$.pages[1].elements[3].elements[3].rows[0].text",
      "$.pages[1].elements[3].elements[5].columns[1].title",
      "$.pages[1].elements[3].elements[3].columns[0].text",
      "$.pages[1].elements[3].elements[4].choices[0].text",
      "$.pages[1].elements[3].elements[5].columns[0].title",
    ]);
  });

  it("accepts numeric choices without text and untitled questions that show no title", () => {
    const study = buildTestStudy();
    study.questionnaires.china.json.pages?.[1].elements?.push(
      { type: "rating", name: "score", title: { default: "Score", "zh-cn": "分数" }, rateValues: [1, "2"] },
      { type: "text", name: "hidden", visible: false },
      { type: "text", name: "bare", titleLocation: "hidden" },
      { type: "html", name: "note", html: { default: "Note", "zh-cn": "注" } },
    );
    expect(translationProblems(study)).toEqual([]);
  });

  it("asks nothing more of a population that answers in English only", () => {
    const study = buildTestStudy();
    study.definition.populations[1].languages = ["en"];
    study.definition.populations[1].screenOutMessage = { en: "Thank you" };
    const json = study.questionnaires.lac.json;
    json.title = "Survey";
    testElement(study, "lac", "relacion").choices = ["amigos", "socios"];
    expect(translationProblems(study).filter((line) => line.startsWith("error"))).toEqual([]);
  });
});
