import { localize } from "../../study/localize.ts";
import type { Concept, LoadedStudy, SurveyElementJson } from "../../study/types.ts";
import { walkQuestions } from "../../study/walkQuestions.ts";

export type ConceptKind = "single" | "multiple" | "ranking" | "numeric" | "open";

export interface ConceptQuestionInfo {
  population: string;
  question: string;
  element: SurveyElementJson;
  /** This question's choice value → the concept's value. */
  map: (value: string) => string;
}

/** A concept as the report reads it: its kind, its values in questionnaire order, and its questions. */
export interface ConceptInfo {
  concept: Concept;
  kind: ConceptKind;
  /** The concept's values (choices, with "none" for a none item), or the ranked items. */
  values: string[];
  questions: ConceptQuestionInfo[];
}

export function kindOf(element: SurveyElementJson): ConceptKind | null {
  switch (element.type) {
    case "radiogroup":
    case "dropdown":
    case "boolean":
      return "single";
    case "checkbox":
    case "tagbox":
      return "multiple";
    case "ranking":
      return "ranking";
    case "rating":
      return "numeric";
    case "text":
      return element.inputType === "number" ? "numeric" : "open";
    case "comment":
      return "open";
    default:
      return null;
  }
}

function choiceValues(element: SurveyElementJson): string[] {
  const values = (element.choices ?? []).map((choice) =>
    String(typeof choice === "object" ? choice.value : choice),
  );
  if (element.showNoneItem) values.push("none");
  if (element.showOtherItem) values.push("other");
  return values;
}

/** The concepts the report can show, with their questions resolved in each population's questionnaire. */
export function conceptInfos(study: LoadedStudy): ConceptInfo[] {
  const elements = new Map<string, Map<string, SurveyElementJson>>();
  for (const [population, questionnaire] of Object.entries(study.questionnaires))
    elements.set(
      population,
      new Map(walkQuestions(questionnaire.json).map((element) => [element.name, element])),
    );
  const infos: ConceptInfo[] = [];
  for (const concept of study.definition.concepts) {
    const questions: ConceptQuestionInfo[] = [];
    for (const link of concept.questions) {
      const element = elements.get(link.population)?.get(link.question);
      if (!element) continue;
      const choiceMap = link.choiceMap ?? {};
      questions.push({
        population: link.population,
        question: link.question,
        element,
        map: (value) => choiceMap[value] ?? value,
      });
    }
    const kinds = new Set(questions.map((question) => kindOf(question.element)));
    if (questions.length === 0 || kinds.size !== 1 || kinds.has(null)) continue;
    const values: string[] = [];
    for (const question of questions)
      for (const value of choiceValues(question.element).map(question.map))
        if (!values.includes(value)) values.push(value);
    infos.push({ concept, kind: [...kinds][0] as ConceptKind, values, questions });
  }
  return infos;
}

/** The label of a concept's value in a language, from the first questionnaire that offers it in that language. */
export function valueLabel(info: ConceptInfo, value: string, language: string): string {
  let fallback: string | undefined;
  for (const question of info.questions) {
    const element = question.element;
    if (value === "none" && element.showNoneItem) {
      const text = element.noneText as Record<string, string> | string | undefined;
      if (typeof text === "object" && text[language]) return text[language];
      fallback ??= localize(text, language);
    }
    for (const choice of element.choices ?? []) {
      if (typeof choice !== "object" || question.map(String(choice.value)) !== value) continue;
      const text = choice.text;
      if (typeof text === "object" && (text[language] ?? (language === "en" ? text.default : undefined)))
        return text[language] ?? text.default;
      fallback ??= localize(text, language);
    }
  }
  return fallback ?? value;
}
