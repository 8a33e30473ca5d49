import { describe, expect, it } from "vitest";
import { buildTestStudy, testElement } from "./buildTestStudy.ts";
import { countProblems, lintStudy } from "./lintStudy.ts";

describe("lintStudy", () => {
  it("finds nothing in a clean mirror study", () => {
    expect(lintStudy(buildTestStudy())).toEqual([]);
  });

  it("reports study.json problems before questionnaire problems, each with file, path and rule", () => {
    const study = buildTestStudy();
    testElement(study, "lac", "keywords").visibleIf = "{nothing} = 1";
    study.definition.concepts[0].label = { en: "Age", es: "Edad" };
    const problems = lintStudy(study);
    expect(problems).toEqual([
      {
        severity: "error",
        file: "study.json",
        path: "$.concepts[0].label",
        message: 'missing "zh-cn"',
        rule: "translation",
      },
      {
        severity: "error",
        file: "lac.json",
        path: "$.pages[1].elements[0].visibleIf",
        message: 'expression "{nothing} = 1" names unknown question {nothing}',
        rule: "expression",
      },
    ]);
    expect(countProblems(problems)).toEqual({ errors: 2, warnings: 0 });
  });

  it("checks a questionnaire shared by two populations in each population's languages, its names once", () => {
    const study = buildTestStudy();
    study.questionnaires.lac = { ...study.questionnaires.china, population: "lac" };
    study.definition.populations[1].siteQuestion = "city";
    study.definition.populations[1].sites = study.definition.populations[0].sites;
    study.definition.concepts = [];
    testElement(study, "china", "age").name = "city";
    const problems = lintStudy(study);
    expect(problems.filter((problem) => problem.rule === "duplicate")).toHaveLength(1);
    const missingSpanish = problems.filter((problem) => problem.message === 'missing "es"');
    expect(missingSpanish.length).toBeGreaterThan(5);
    expect(missingSpanish.every((problem) => problem.file === "china.json")).toBe(true);
  });
});
