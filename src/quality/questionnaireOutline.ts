import { type QuestionKind, questionKind } from "../study/lint/questionChoices.ts";
import type { QuestionnaireJson, SurveyElementJson } from "../study/types.ts";

export interface OutlineQuestion {
  name: string;
  page: string;
  type: string;
  kind: QuestionKind;
  required: boolean;
  /** Every visibleIf on the way to the question (page, panels, the question itself): all must hold. */
  conditions: string[];
  /** Choice values in questionnaire order (plus "none" where the question offers it). */
  choices: string[];
  maxSelected?: number;
}

export interface QuestionnaireOutline {
  questions: OutlineQuestion[];
  byName: Map<string, OutlineQuestion>;
  pages: string[];
}

const displayOnly = new Set(["html", "image", "expression"]);

/** The questions of a questionnaire with what the screen needs to know of each, computed once per study. */
export function outlineQuestionnaire(json: QuestionnaireJson): QuestionnaireOutline {
  const questions: OutlineQuestion[] = [];
  const pages: string[] = [];
  const visit = (elements: SurveyElementJson[] | undefined, page: string, conditions: string[]) => {
    for (const element of elements ?? []) {
      const own = typeof element.visibleIf === "string" ? [...conditions, element.visibleIf] : conditions;
      if (element.type === "panel") visit(element.elements, page, own);
      else if (!displayOnly.has(element.type)) questions.push(outlineOf(element, page, own));
    }
  };
  (json.pages ?? []).forEach((page, index) => {
    const name = typeof page.name === "string" ? page.name : `page${index + 1}`;
    pages.push(name);
    visit(page.elements, name, typeof page.visibleIf === "string" ? [page.visibleIf] : []);
  });
  visit(json.elements, "", []);
  return { questions, byName: new Map(questions.map((question) => [question.name, question])), pages };
}

function outlineOf(element: SurveyElementJson, page: string, conditions: string[]): OutlineQuestion {
  const choices = (element.choices ?? []).map((choice) =>
    String(typeof choice === "object" ? choice.value : choice),
  );
  if (element.showNoneItem === true) choices.push("none");
  if (element.showOtherItem === true || element.hasOther === true) choices.push("other");
  return {
    name: element.name,
    page,
    type: element.type,
    kind: questionKind(element),
    required: element.isRequired === true,
    conditions,
    choices,
    maxSelected: typeof element.maxSelectedChoices === "number" ? element.maxSelectedChoices : undefined,
  };
}
