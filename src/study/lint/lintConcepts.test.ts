import { describe, expect, it } from "vitest";
import { buildTestStudy, testElement } from "./buildTestStudy.ts";
import { lintStudy } from "./lintStudy.ts";

function conceptProblems(study: ReturnType<typeof buildTestStudy>) {
  return lintStudy(study)
    .filter((problem) => problem.rule === "concept")
    .map(({ severity, path, message }) => `${severity} ${path}: ${message}`);
}

const text = { default: "T", es: "T" };

describe("concepts", () => {
  it("accept mirrored questions whose choices map onto each other", () => {
    expect(conceptProblems(buildTestStudy())).toEqual([]);
  });

  it("report unknown populations and questions", () => {
    const study = buildTestStudy();
    study.definition.concepts[0].questions = [
      { population: "usa", question: "age" },
      { population: "lac", question: "edad" },
      { population: "china", question: "age" },
    ];
    expect(conceptProblems(study)).toEqual([
      'error $.concepts[0].questions[0].population: unknown population "usa"',
      'error $.concepts[0].questions[1].question: question "edad" is not in lac.json',
    ]);
  });

  it("warn about a concept within one population", () => {
    const study = buildTestStudy();
    study.definition.concepts[2].questions = [{ population: "lac", question: "keywords" }];
    expect(conceptProblems(study)).toEqual([
      'warning $.concepts[2]: concept "keywords" links fewer than two populations',
    ]);
  });

  it("report questions of different kinds", () => {
    const study = buildTestStudy();
    study.definition.concepts[2].questions[1].question = "relacion";
    expect(conceptProblems(study)).toEqual([
      "error $.concepts[2].questions[1]: lac.json relacion is a single-choice question but china.json keywords is an open-ended question",
    ]);
  });

  it("report choices without a counterpart, in both directions, naming the mapped value", () => {
    const study = buildTestStudy();
    study.definition.concepts[1].questions[1].choiceMap = { amigos: "friends", socios: "allies" };
    expect(conceptProblems(study)).toEqual([
      'error $.concepts[1].questions[0]: choice "partners" of china.json relation has no counterpart in lac',
      'error $.concepts[1].questions[1]: choice "socios" (mapped to "allies") of lac.json relacion has no counterpart in china',
    ]);
  });

  it("report a choiceMap key that is not a choice", () => {
    const study = buildTestStudy();
    study.definition.concepts[1].questions[1].choiceMap = {
      amigos: "friends",
      socios: "partners",
      rivales: "rivals",
    };
    expect(conceptProblems(study)).toEqual([
      'error $.concepts[1].questions[1].choiceMap.rivales: "rivales" is not a choice of lac.json relacion',
    ]);
  });

  it("compare the built-in other and none items, rating scales and matrix rows", () => {
    const study = buildTestStudy();
    testElement(study, "china", "relation").showOtherItem = true;
    study.questionnaires.china.json.pages?.[1].elements?.push(
      { type: "rating", name: "warmth", title: text, rateMax: 5 },
      { type: "matrix", name: "grid", title: text, rows: ["trade", "culture"], columns: ["yes", "no"] },
    );
    study.questionnaires.lac.json.pages?.[1].elements?.push(
      { type: "rating", name: "warmth", title: text, rateMax: 4 },
      {
        type: "matrix",
        name: "grid",
        title: text,
        rows: [
          { value: "trade", text },
          { value: "cultura", text },
        ],
        columns: [
          { value: "si", text },
          { value: "no", text },
        ],
      },
    );
    const label = { en: "L", es: "L", "zh-cn": "L" };
    study.definition.concepts.push(
      {
        id: "warmth",
        label,
        questions: [
          { population: "china", question: "warmth" },
          { population: "lac", question: "warmth" },
        ],
      },
      {
        id: "grid",
        label,
        questions: [
          { population: "china", question: "grid" },
          { population: "lac", question: "grid", choiceMap: { si: "yes", cultura: "culture" } },
        ],
      },
    );
    expect(conceptProblems(study)).toEqual([
      'error $.concepts[1].questions[0]: choice "other" of china.json relation has no counterpart in lac',
      'error $.concepts[3].questions[0]: choice "5" of china.json warmth has no counterpart in lac',
    ]);
  });
});
