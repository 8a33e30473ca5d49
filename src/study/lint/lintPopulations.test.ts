import { describe, expect, it } from "vitest";
import { buildTestStudy, testElement } from "./buildTestStudy.ts";
import { lintStudy } from "./lintStudy.ts";

function populationProblems(study: ReturnType<typeof buildTestStudy>) {
  return lintStudy(study)
    .filter((problem) => problem.rule === "site-question" || problem.rule === "eligibility")
    .map(({ severity, path, message }) => `${severity} ${path}: ${message}`);
}

describe("site questions", () => {
  it("accept a question whose choices are exactly the site ids", () => {
    expect(populationProblems(buildTestStudy())).toEqual([]);
  });

  it("report a site question missing from the questionnaire", () => {
    const study = buildTestStudy();
    study.definition.populations[0].siteQuestion = "town";
    expect(populationProblems(study)).toEqual([
      'error $.populations[0].siteQuestion: question "town" is not in china.json',
    ]);
  });

  it("report sites without a choice and choices without a site", () => {
    const study = buildTestStudy();
    study.definition.populations[1].sites.push({ id: "BR", country: "BR", target: 10 });
    const country = testElement(study, "lac", "country");
    country.choices = [...(country.choices ?? []), { value: "CL", text: { default: "Chile", es: "Chile" } }];
    expect(populationProblems(study)).toEqual([
      'error $.populations[1].siteQuestion: site "BR" is not a choice of "country"',
      'error $.populations[1].siteQuestion: choice "CL" of "country" is not a site of lac',
    ]);
  });

  it("report a site question that is not a single choice", () => {
    const study = buildTestStudy();
    study.definition.populations[1].siteQuestion = "keywords";
    expect(populationProblems(study)).toEqual([
      'error $.populations[1].siteQuestion: "keywords" must be a single-choice question with choices written out',
    ]);
  });

  it("warn when several sites have no question to tell them apart", () => {
    const study = buildTestStudy();
    study.definition.populations[0].siteQuestion = undefined;
    expect(populationProblems(study)).toEqual([
      "warning $.populations[0]: has several sites but no siteQuestion to place each respondent in one",
    ]);
  });
});

describe("eligibility", () => {
  it("reports a rule naming an unknown question or failing to parse", () => {
    const study = buildTestStudy();
    study.definition.populations[0].eligibility = "{edad} >= 18";
    study.definition.populations[1].eligibility = "{age} >= 18 and";
    const problems = populationProblems(study);
    expect(problems[0]).toBe(
      'error $.populations[0].eligibility: expression "{edad} >= 18" names unknown question {edad}',
    );
    expect(problems[1]).toMatch(
      /^error \$\.populations\[1\]\.eligibility: expression "\{age\} >= 18 and" does not parse/,
    );
    expect(problems).toHaveLength(2);
  });

  it("resolves names against the population's own questionnaire", () => {
    const study = buildTestStudy();
    study.definition.populations[0].eligibility = "{country} = 'AR'";
    expect(populationProblems(study)).toEqual([
      `error $.populations[0].eligibility: expression "{country} = 'AR'" names unknown question {country}`,
    ]);
  });

  it("warns when nobody tells a screened-out respondent why", () => {
    const study = buildTestStudy();
    study.definition.populations[1].screenOutMessage = undefined;
    expect(populationProblems(study)).toEqual([
      "warning $.populations[1]: has an eligibility rule but no screenOutMessage for those it screens out",
    ]);
  });
});
