import type { QuestionnaireJson, SurveyElementJson } from "../types.ts";
import { childPath } from "./jsonPath.ts";

export type ElementRole = "page" | "panel" | "question";

export interface IndexedElement {
  role: ElementRole;
  json: SurveyElementJson;
  /** JSON path of the element inside the questionnaire file. */
  path: string;
  /**
   * The dynamic panel whose template holds this element, if any: such an element has no value of its own
   * at the top of the answers, so expressions outside the template cannot name it.
   */
  template?: string;
}

export interface QuestionnaireIndex {
  pages: IndexedElement[];
  /** Questions and panels, in document order, including those inside dynamic panel templates. */
  elements: IndexedElement[];
  /** Questions whose answers sit at the top of the response, by name. */
  questions: Map<string, IndexedElement>;
}

const containerKeys = ["elements", "questions"] as const;

/** Lists the pages, panels and questions of a SurveyJS questionnaire with their JSON paths. */
export function indexQuestionnaire(json: QuestionnaireJson): QuestionnaireIndex {
  const index: QuestionnaireIndex = { pages: [], elements: [], questions: new Map() };
  if (Array.isArray(json.pages)) {
    json.pages.forEach((page, pageIndex) => {
      if (!isObject(page)) return;
      const path = childPath("$.pages", pageIndex);
      index.pages.push({ role: "page", json: page, path });
      addChildren(index, page, path, undefined);
    });
  }
  addChildren(index, json as SurveyElementJson, "$", undefined);
  return index;
}

function addChildren(
  index: QuestionnaireIndex,
  container: SurveyElementJson,
  path: string,
  template: string | undefined,
): void {
  for (const key of containerKeys) addElements(index, container[key], childPath(path, key), template);
  if (Array.isArray(container.templateElements)) {
    const owner = typeof container.name === "string" ? container.name : "";
    addElements(index, container.templateElements, childPath(path, "templateElements"), owner);
  }
}

function addElements(
  index: QuestionnaireIndex,
  list: unknown,
  path: string,
  template: string | undefined,
): void {
  if (!Array.isArray(list)) return;
  list.forEach((element, position) => {
    if (!isObject(element)) return;
    const elementPath = childPath(path, position);
    const role: ElementRole = element.type === "panel" ? "panel" : "question";
    const entry: IndexedElement = { role, json: element, path: elementPath, template };
    index.elements.push(entry);
    if (role === "question" && template === undefined && typeof element.name === "string") {
      if (!index.questions.has(element.name)) index.questions.set(element.name, entry);
    }
    addChildren(index, element, elementPath, template);
  });
}

function isObject(value: unknown): value is SurveyElementJson {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
