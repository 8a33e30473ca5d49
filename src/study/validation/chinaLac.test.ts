import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { QuestionnaireJson } from "../types.ts";
import { compileQuestionnaire } from "./compileQuestionnaire.ts";
import { generateValidAnswers } from "./generateValidAnswers.ts";
import { referenceIssues } from "./referenceIssues.ts";

const studyFolder = join(import.meta.dirname, "../../../examples/china-lac");
// The questionnaires study.json names: the folder also holds quality.json, weighting.json and codebooks.
const questionnaireFiles = (
  JSON.parse(readFileSync(join(studyFolder, "study.json"), "utf8")) as {
    populations: Array<{ questionnaire: string }>;
  }
).populations.map((population) => population.questionnaire);

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

describe("the China–LAC demo questionnaires", () => {
  it("has questionnaires to check", () => {
    expect(questionnaireFiles.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of questionnaireFiles) {
    const json = JSON.parse(readFileSync(join(studyFolder, file), "utf8")) as QuestionnaireJson;

    it(`${file}: answers generated from the questionnaire are valid, here and in survey-core`, () => {
      const compiled = compileQuestionnaire(json);
      const random = seededRandom(20240411);
      let complete = 0;
      for (let run = 0; run < 40; run++) {
        const answers = generateValidAnswers(compiled, random);
        expect(compiled.validate(answers), JSON.stringify(answers)).toEqual([]);
        if (run < 5) expect(referenceIssues(json, answers), JSON.stringify(answers)).toEqual([]);
        if (Object.keys(answers).length >= compiled.questionNames.length * 0.7) complete++;
      }
      // Most generated respondents must get past screening, or the questionnaire body goes unchecked.
      expect(complete).toBeGreaterThan(10);
    }, 120_000);

    it(`${file}: a broken answer set is rejected`, () => {
      const compiled = compileQuestionnaire(json);
      const answers = generateValidAnswers(compiled, seededRandom(7));
      const first = compiled.questions.find(
        (question) => question.takesAnswer && question.answerKey in answers,
      );
      expect(first).toBeDefined();
      const broken = { ...answers, [first?.answerKey ?? ""]: { not: "an answer" }, notAQuestion: 1 };
      expect(compiled.validate(broken).map((issue) => issue.path)).toEqual([
        "answers.notAQuestion",
        `answers.${first?.answerKey}`,
      ]);
    });
  }
});
