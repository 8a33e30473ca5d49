import { fileURLToPath } from "node:url";
import { Model, type Question } from "survey-core";
import { beforeAll, describe, expect, it } from "vitest";
import { readStudyFolder } from "../src/files/readStudyFolder.ts";
import type { LoadedStudy, Population, QuestionnaireJson, SurveyElementJson } from "../src/study/types.ts";

const studyFolder = fileURLToPath(new URL("../examples/china-lac", import.meta.url));
const allowedTypes = new Set([
  "text",
  "comment",
  "radiogroup",
  "checkbox",
  "dropdown",
  "ranking",
  "boolean",
  "html",
]);
const agreementValues = [
  "fully_agree",
  "somewhat_agree",
  "neither",
  "somewhat_disagree",
  "fully_disagree",
  "dont_know",
];
/** Questions the article reports a finding for on both sides, named alike so they read as mirrors. */
const mirroredNames = [
  "keywords",
  "traits",
  "interest",
  "topics",
  "impressions_past_year",
  "prospects",
  "opportunity",
  "commonalities",
  "relations_importance",
  "relationship",
  "obstacles",
  "troublemaker",
  "future_relations",
  "cooperation_benefit",
  "cooperation_priorities",
  "brics_voice",
  "rising_influence",
  "backyard",
  "tariffs",
  "ranking_importance",
];

let study: LoadedStudy;
beforeAll(async () => {
  study = await readStudyFolder(studyFolder);
});

function population(id: string): Population {
  const found = study.definition.populations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`population ${id} is missing`);
  return found;
}

function elements(json: QuestionnaireJson): SurveyElementJson[] {
  return (json.pages ?? []).flatMap((page) => (page.elements ?? []) as SurveyElementJson[]);
}

function element(populationId: string, name: string): SurveyElementJson | undefined {
  return elements(study.questionnaires[populationId].json).find((candidate) => candidate.name === name);
}

/** The values a respondent can record: the written choices plus SurveyJS's "none" item when it is shown. */
function recordableValues(question: SurveyElementJson): string[] {
  const values = (question.choices ?? []).map((choice) =>
    String(typeof choice === "object" ? choice.value : choice),
  );
  if (question.showNoneItem === true) values.push("none");
  return values;
}

/** Every locale object (one holding "default") in the JSON, with where it sits. */
function localeObjects(value: unknown, path: string): Array<{ path: string; text: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => localeObjects(item, `${path}[${index}]`));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if ("default" in record) return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, item]) => localeObjects(item, `${path}.${key}`));
}

/** An answer for each question a respondent of the given age sees: the first choice, every ranked item. */
function plausibleAnswers(
  model: Model,
  age: number,
  site: string,
  siteQuestion: string,
): Record<string, unknown> {
  model.data = { age, [siteQuestion]: site };
  // Answers reveal follow-up questions (topics after interest), so walk the visible questions in order.
  for (const question of model.getAllQuestions() as Question[]) {
    if (!question.isVisible) continue;
    if (question.isEmpty() === false) continue;
    const type = question.getType();
    const first = (question as unknown as { choices?: Array<{ value: unknown }> }).choices?.[0]?.value;
    if (type === "radiogroup" || type === "dropdown") question.value = first;
    if (type === "checkbox") question.value = [first];
    if (type === "ranking") {
      question.value = (question as unknown as { choices: Array<{ value: unknown }> }).choices.map(
        (c) => c.value,
      );
    }
    if (type === "comment") question.value = "words";
  }
  return model.data;
}

describe("the China–LAC demo study", () => {
  it("loads with its populations, languages and fieldwork", () => {
    const { definition } = study;
    expect(definition.id).toBe("china-lac");
    expect(definition.languages).toEqual(["zh-cn", "es", "pt", "en"]);
    for (const language of definition.languages) expect(definition.title[language]).toBeTruthy();
    expect(population("china")).toMatchObject({
      modes: ["web"],
      languages: ["zh-cn", "en"],
      siteQuestion: "city",
    });
    expect(population("lac")).toMatchObject({ modes: ["web", "f2f"], languages: ["es", "pt", "en"] });
    expect(population("lac").eligibility).toBe("{age} >= 18 and {age} <= 70");
    expect(population("china").fieldwork).toEqual({
      start: "2025-04-11",
      end: "2025-04-22",
      timezone: "Asia/Shanghai",
    });
  });

  it("aims at about 2,100 respondents in 16 cities and 3,400 in six countries", () => {
    const china = population("china");
    const lac = population("lac");
    const total = (sites: Population["sites"]) => sites.reduce((sum, site) => sum + site.target, 0);
    expect(china.sites).toHaveLength(16);
    expect(total(china.sites)).toBeGreaterThanOrEqual(2000);
    expect(total(china.sites)).toBeLessThanOrEqual(2200);
    expect(lac.sites.map((site) => site.id)).toEqual(["ar", "br", "cl", "cu", "mx", "pa"]);
    expect(total(lac.sites)).toBeGreaterThanOrEqual(3300);
    expect(total(lac.sites)).toBeLessThanOrEqual(3500);
    for (const site of china.sites) {
      expect(site.country).toBe("CN");
      for (const language of study.definition.languages) expect(site.city?.[language]).toBeTruthy();
    }
  });

  it("names every population and tells the ineligible why, in each of their languages", () => {
    for (const { name, screenOutMessage, languages } of study.definition.populations) {
      for (const language of study.definition.languages) expect(name[language]).toBeTruthy();
      for (const language of languages) expect(screenOutMessage?.[language]).toBeTruthy();
    }
  });

  it.each(["china", "lac"])("writes every string of %s.json in each of the population's languages", (id) => {
    const keys = population(id).languages.map((language) => (language === "en" ? "default" : language));
    const texts = localeObjects(study.questionnaires[id].json, "$");
    expect(texts.length).toBeGreaterThan(100);
    for (const { path, text } of texts) {
      expect(Object.keys(text).sort(), path).toEqual([...keys].sort());
      for (const key of keys) expect(String(text[key]).trim(), `${path}.${key}`).not.toBe("");
    }
  });

  it.each(["china", "lac"])("builds %s.json with survey-core from allowed question types", (id) => {
    const model = new Model(study.questionnaires[id].json);
    const names = model.getAllQuestions().map((question) => question.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const item of elements(study.questionnaires[id].json)) expect(allowedTypes).toContain(item.type);
    for (const name of [...mirroredNames, "age", "sex", "education", "attention_check", "lac_note"]) {
      expect(names).toContain(name);
    }
    const site = population(id).siteQuestion ?? "";
    expect(recordableValues(element(id, site) ?? { type: "", name: "" })).toEqual(
      population(id).sites.map((s) => s.id),
    );
  });

  it("links mirrored questions whose choices correspond one to one", () => {
    expect(study.definition.concepts.length).toBeGreaterThanOrEqual(20);
    for (const concept of study.definition.concepts) {
      for (const language of study.definition.languages)
        expect(concept.label[language], concept.id).toBeTruthy();
      expect(new Set(concept.questions.map((link) => link.population))).toEqual(new Set(["china", "lac"]));
      const valueSets = concept.questions.map((link) => {
        const question = element(link.population, link.question);
        expect(question, `${concept.id}: ${link.population}.${link.question}`).toBeDefined();
        const values = recordableValues(question ?? { type: "", name: "" });
        return values.map((value) => link.choiceMap?.[value] ?? value).sort();
      });
      for (const values of valueSets) expect(values, concept.id).toEqual(valueSets[0]);
    }
  });

  it.each(["china", "lac"])(
    "asks %s an agreement battery of four statements and an attention check",
    (id) => {
      const battery = ["troublemaker", "brics_voice", "rising_influence", "backyard", "attention_check"];
      for (const name of battery) {
        const question = element(id, name);
        expect(question?.type).toBe("radiogroup");
        expect(recordableValues(question ?? { type: "", name: "" })).toEqual(agreementValues);
      }
    },
  );

  it.each([
    ["china", 17, 1],
    ["china", 18, 7],
    ["china", 85, 7],
    ["lac", 17, 1],
    ["lac", 70, 7],
    ["lac", 71, 1],
  ])("shows %s respondents aged %i only the pages they are eligible for", (id, age, pages) => {
    const model = new Model(study.questionnaires[id].json);
    model.data = { age };
    expect(model.visiblePages).toHaveLength(pages);
  });

  it("rejects an age outside 0–120", () => {
    const model = new Model(study.questionnaires.lac.json);
    model.data = { age: 150 };
    expect(model.getQuestionByName("age").hasErrors(false)).toBe(true);
    model.data = { age: 40 };
    expect(model.getQuestionByName("age").hasErrors(false)).toBe(false);
  });

  it.each([
    ["china", "chengdu", "city"],
    ["lac", "mx", "country"],
  ])("accepts a complete %s interview and asks topics only of the interested", (id, site, siteQuestion) => {
    const model = new Model(study.questionnaires[id].json);
    expect(model.validate(false, false)).toBe(false);
    const answers = plausibleAnswers(model, 35, site, siteQuestion);
    expect(model.validate(false, false)).toBe(true);
    expect(answers.topics).toBeDefined();
    model.setValue("interest", "not_interested");
    expect(model.getQuestionByName("topics").isVisible).toBe(false);
  });
});
