import type { QuestionnaireJson, SurveyElementJson } from "./types.ts";

/** Element types that show something but take no answer. */
const displayOnly = new Set(["html", "image", "expression"]);
const containers = new Set(["panel", "page"]);

/** Every answerable question of a questionnaire, in the order a respondent meets them. */
export function walkQuestions(json: QuestionnaireJson): SurveyElementJson[] {
  const found: SurveyElementJson[] = [];
  const visit = (elements: SurveyElementJson[] | undefined) => {
    for (const element of elements ?? []) {
      if (containers.has(element.type)) visit(element.elements);
      else if (!displayOnly.has(element.type)) found.push(element);
    }
  };
  visit(json.elements);
  for (const page of json.pages ?? []) visit(page.elements);
  return found;
}
