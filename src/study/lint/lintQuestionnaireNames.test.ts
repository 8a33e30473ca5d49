import { describe, expect, it } from "vitest";
import { buildTestStudy, testElement } from "./buildTestStudy.ts";
import { lintStudy } from "./lintStudy.ts";

function nameProblems(study: ReturnType<typeof buildTestStudy>) {
  return lintStudy(study)
    .filter((problem) => problem.rule === "duplicate" || problem.rule === "name")
    .map(({ file, path, message }) => `${file} ${path}: ${message}`);
}

const title = { default: "T", es: "T" };

describe("duplicate names", () => {
  it("finds none in a clean study", () => {
    expect(nameProblems(buildTestStudy())).toEqual([]);
  });

  it("reports questions and panels sharing a name anywhere in a questionnaire", () => {
    const study = buildTestStudy();
    study.questionnaires.lac.json.pages?.[1].elements?.push({
      type: "panel",
      name: "age",
      elements: [{ type: "comment", name: "keywords", title }],
    });
    expect(nameProblems(study)).toEqual([
      'lac.json $.pages[1].elements[2].name: duplicate question or panel name "age" (first at $.pages[0].elements[0].name)',
      'lac.json $.pages[1].elements[2].elements[0].name: duplicate question or panel name "keywords" (first at $.pages[1].elements[0].name)',
    ]);
  });

  it("reports duplicate page names, nameless questions and duplicates inside a dynamic panel's template", () => {
    const study = buildTestStudy();
    const pages = study.questionnaires.lac.json.pages ?? [];
    pages[1].name = "screening";
    pages[1].elements?.push({
      type: "paneldynamic",
      name: "trips",
      title,
      templateElements: [
        { type: "text", name: "age", title },
        { type: "text", name: "place", title },
        { type: "text", name: "place", title },
        { type: "text", title } as never,
      ],
    });
    expect(nameProblems(study)).toEqual([
      "lac.json $.pages[1].elements[2].templateElements[3]: question has no name",
      'lac.json $.pages[1].name: duplicate page name "screening" (first at $.pages[0].name)',
      'lac.json $.pages[1].elements[2].templateElements[2].name: duplicate question or panel name "place" in the template of "trips" (first at $.pages[1].elements[2].templateElements[1].name)',
    ]);
  });

  it("reports duplicate choice values, matrix rows and columns within a question", () => {
    const study = buildTestStudy();
    testElement(study, "lac", "relacion").choices = [
      { value: "amigos", text: title },
      { value: "socios", text: title },
      { value: "amigos", text: title },
    ];
    study.definition.concepts.splice(1, 1);
    study.questionnaires.lac.json.pages?.[1].elements?.push({
      type: "matrixdropdown",
      name: "grid",
      title,
      rows: [
        { value: 1, text: title },
        { value: "1", text: title },
      ],
      columns: [
        { name: "a", title },
        { name: "a", title },
      ],
    });
    expect(nameProblems(study)).toEqual([
      'lac.json $.pages[1].elements[1].choices[2]: duplicate choice value "amigos" in "relacion" (first at $.pages[1].elements[1].choices[0])',
      'lac.json $.pages[1].elements[2].rows[1]: duplicate row value "1" in "grid" (first at $.pages[1].elements[2].rows[0])',
      'lac.json $.pages[1].elements[2].columns[1]: duplicate column value "a" in "grid" (first at $.pages[1].elements[2].columns[0])',
    ]);
  });

  it("reports calculated values that repeat or take a question's name", () => {
    const study = buildTestStudy();
    study.questionnaires.lac.json.calculatedValues = [
      { name: "adult", expression: "{age} >= 18" },
      { name: "adult", expression: "{age} >= 21" },
      { name: "age", expression: "1" },
    ];
    expect(nameProblems(study)).toEqual([
      `lac.json $.calculatedValues[2].name: calculated value "age" shares a question's name`,
      'lac.json $.calculatedValues[1].name: duplicate calculated value "adult" (first at $.calculatedValues[0].name)',
    ]);
  });
});

describe("duplicate ids in study.json", () => {
  it("reports repeated populations, sites, concepts and languages", () => {
    const study = buildTestStudy();
    const { definition } = study;
    definition.languages.push("es");
    definition.populations[0].sites.push({ ...definition.populations[0].sites[0] });
    definition.concepts.push({ ...definition.concepts[2] });
    definition.populations.push({ ...definition.populations[1], languages: ["es", "es"] });
    const problems = lintStudy(study)
      .filter((problem) => problem.rule === "duplicate" && problem.file === "study.json")
      .map(({ path, message }) => `${path}: ${message}`);
    expect(problems).toEqual([
      '$.languages[3]: duplicate language "es" (first at $.languages[1])',
      '$.populations[2].id: duplicate population id "lac" (first at $.populations[1].id)',
      '$.populations[0].sites[2].id: duplicate site id "beijing" (first at $.populations[0].sites[0].id)',
      '$.populations[2].languages[1]: duplicate language "es" (first at $.populations[2].languages[0])',
      '$.concepts[3].id: duplicate concept id "keywords" (first at $.concepts[2].id)',
    ]);
  });
});
