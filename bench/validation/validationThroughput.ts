/**
 * Validations per second of the compiled validator against survey-core's `new Model + data + validate`,
 * on a 52-question, 3-page questionnaire in 3 languages. Run: npx tsx bench/validation/validationThroughput.ts
 */
import { Model } from "survey-core";
import type { QuestionnaireJson, SurveyElementJson } from "../../src/study/types.ts";
import { compileQuestionnaire, generateValidAnswers } from "../../src/study/validation/index.ts";

const text = (english: string) => ({ default: english, es: `${english} (es)`, "zh-cn": `${english} (zh)` });
const choices = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ value: `c${index}`, text: text(`Choice ${index}`) }));

function question(index: number): SurveyElementJson {
  const name = `q${index}`;
  const title = text(`Question ${index}`);
  const visibleIf = index % 7 === 3 ? `{q${index - 1}} notempty` : undefined;
  const shapes: SurveyElementJson[] = [
    {
      type: "radiogroup",
      name,
      title,
      choices: choices(5),
      isRequired: true,
      showOtherItem: index % 2 === 0,
    },
    { type: "checkbox", name, title, choices: choices(8), showNoneItem: true, maxSelectedChoices: 3 },
    { type: "rating", name, title, rateMin: 1, rateMax: 10 },
    { type: "text", name, title, inputType: "number", min: 0, max: 120, isRequired: true },
    { type: "matrix", name, title, rows: ["r1", "r2", "r3"], columns: [1, 2, 3, 4, 5] },
    { type: "boolean", name, title },
    { type: "dropdown", name, title, choices: choices(20) },
    { type: "comment", name, title, maxLength: 500 },
  ];
  return { ...shapes[index % shapes.length], ...(visibleIf ? { visibleIf } : {}) };
}

const questionnaire: QuestionnaireJson = {
  pages: [0, 1, 2].map((page) => ({
    name: `page${page}`,
    elements: Array.from({ length: page === 2 ? 18 : 17 }, (_, index) => question(page * 17 + index)),
  })),
};

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

function perSecond(seconds: number, run: (index: number) => void): number {
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < seconds * 1000) run(count++);
  return count / ((performance.now() - start) / 1000);
}

const compileStart = performance.now();
const compiled = compileQuestionnaire(questionnaire);
const compileMs = performance.now() - compileStart;
const random = seededRandom(42);
const answerSets = Array.from({ length: 200 }, () => generateValidAnswers(compiled, random));
const invalid = answerSets.filter((answers) => compiled.validate(answers).length > 0).length;

const compiledRate = perSecond(3, (index) => compiled.validate(answerSets[index % answerSets.length]));
const modelRate = perSecond(5, (index) => {
  const model = new Model(questionnaire);
  model.data = answerSets[index % answerSets.length];
  model.validate(false, false);
});

const round = (value: number) => Math.round(value).toLocaleString("en");
process.stdout.write(
  [
    `questions: ${compiled.questionNames.length}, answer sets: ${answerSets.length} (${invalid} invalid)`,
    `compile once: ${compileMs.toFixed(1)} ms`,
    `compiled validator: ${round(compiledRate)} validations/s`,
    `survey-core Model + data + validate: ${round(modelRate)} validations/s`,
    `speed-up: ${round(compiledRate / modelRate)}x`,
    "",
  ].join("\n"),
);
