import type { LoadedStudy, QuestionnaireJson, StudyDefinition, SurveyElementJson } from "../types.ts";
import { indexQuestionnaire } from "./indexQuestionnaire.ts";

/**
 * A small, clean two-population mirror study for the linter's tests: China (Chinese, English) and LAC
 * (Spanish, English). Each test copies it, breaks one thing and expects exactly that to be reported.
 */
export function buildTestStudy(): LoadedStudy {
  const definition: StudyDefinition = {
    id: "mirror",
    title: { en: "Mirror", es: "Espejo", "zh-cn": "镜子" },
    languages: ["en", "es", "zh-cn"],
    populations: [
      {
        id: "china",
        name: { en: "Chinese adults", es: "Adultos chinos", "zh-cn": "中国成年人" },
        questionnaire: "china.json",
        languages: ["zh-cn", "en"],
        modes: ["web"],
        fieldwork: { start: "2025-04-11", end: "2025-04-22", timezone: "Asia/Shanghai" },
        eligibility: "{age} >= 18",
        screenOutMessage: { "zh-cn": "谢谢", en: "Thank you" },
        siteQuestion: "city",
        sites: [
          {
            id: "beijing",
            country: "CN",
            city: { en: "Beijing", es: "Pekín", "zh-cn": "北京" },
            target: 100,
          },
          {
            id: "shanghai",
            country: "CN",
            city: { en: "Shanghai", es: "Shanghái", "zh-cn": "上海" },
            target: 100,
          },
        ],
      },
      {
        id: "lac",
        name: { en: "LAC adults", es: "Adultos de ALC", "zh-cn": "拉美成年人" },
        questionnaire: "lac.json",
        languages: ["es", "en"],
        modes: ["web", "f2f"],
        fieldwork: { start: "2025-05-01", end: "2025-06-30", timezone: "America/Mexico_City" },
        eligibility: "{age} >= 18 and {age} <= 70",
        screenOutMessage: { es: "Gracias", en: "Thank you" },
        siteQuestion: "country",
        sites: [
          { id: "AR", country: "AR", target: 100 },
          { id: "MX", country: "MX", target: 100 },
        ],
      },
    ],
    concepts: [
      {
        id: "age",
        label: { en: "Age", es: "Edad", "zh-cn": "年龄" },
        questions: [
          { population: "china", question: "age" },
          { population: "lac", question: "age" },
        ],
      },
      {
        id: "relation",
        label: { en: "Relation", es: "Relación", "zh-cn": "关系" },
        questions: [
          { population: "china", question: "relation" },
          { population: "lac", question: "relacion", choiceMap: { amigos: "friends", socios: "partners" } },
        ],
      },
      {
        id: "keywords",
        label: { en: "Keywords", es: "Palabras", "zh-cn": "关键词" },
        questions: [
          { population: "china", question: "keywords" },
          { population: "lac", question: "keywords" },
        ],
      },
    ],
  };
  return {
    definition,
    directory: "/studies/mirror",
    questionnaires: {
      china: { population: "china", file: "china.json", json: chinaQuestionnaire(), version: "c1" },
      lac: { population: "lac", file: "lac.json", json: lacQuestionnaire(), version: "l1" },
    },
  };
}

function chinaQuestionnaire(): QuestionnaireJson {
  const text = (en: string, zh: string) => ({ default: en, "zh-cn": zh });
  return {
    title: text("Survey", "调查"),
    pages: [
      {
        type: "page",
        name: "screening",
        elements: [
          { type: "text", name: "age", inputType: "number", title: text("Age", "年龄") },
          {
            type: "dropdown",
            name: "city",
            title: text("City", "城市"),
            visibleIf: "{age} >= 18",
            choices: [
              { value: "beijing", text: text("Beijing", "北京") },
              { value: "shanghai", text: text("Shanghai", "上海") },
            ],
          },
        ],
      },
      {
        type: "page",
        name: "views",
        elements: [
          { type: "comment", name: "keywords", title: text("Keywords", "关键词") },
          {
            type: "radiogroup",
            name: "relation",
            title: text("Relation", "关系"),
            choices: [
              { value: "friends", text: text("Friends", "朋友") },
              { value: "partners", text: text("Partners", "伙伴") },
            ],
          },
        ],
      },
    ],
  };
}

function lacQuestionnaire(): QuestionnaireJson {
  const text = (en: string, es: string) => ({ default: en, es });
  return {
    title: text("Survey", "Encuesta"),
    pages: [
      {
        type: "page",
        name: "screening",
        elements: [
          { type: "text", name: "age", inputType: "number", title: text("Age", "Edad") },
          {
            type: "radiogroup",
            name: "country",
            title: text("Country", "País"),
            choices: [
              { value: "AR", text: text("Argentina", "Argentina") },
              { value: "MX", text: text("Mexico", "México") },
            ],
          },
        ],
      },
      {
        type: "page",
        name: "views",
        elements: [
          { type: "comment", name: "keywords", title: text("Keywords", "Palabras") },
          {
            type: "radiogroup",
            name: "relacion",
            title: text("Relation", "Relación"),
            choices: [
              { value: "amigos", text: text("Friends", "Amigos") },
              { value: "socios", text: text("Partners", "Socios") },
            ],
          },
        ],
      },
    ],
  };
}

/** The JSON of a named question or panel in a population's questionnaire, for a test to change. */
export function testElement(study: LoadedStudy, population: string, name: string): SurveyElementJson {
  const found = indexQuestionnaire(study.questionnaires[population].json).elements.find(
    (element) => element.json.name === name,
  );
  if (!found) throw new Error(`no element ${name} in ${population}`);
  return found.json;
}
