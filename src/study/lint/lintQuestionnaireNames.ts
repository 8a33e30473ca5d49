import type { LoadedQuestionnaire } from "../types.ts";
import { findDuplicates } from "./findDuplicates.ts";
import type { IndexedElement, QuestionnaireIndex } from "./indexQuestionnaire.ts";
import { childPath } from "./jsonPath.ts";
import { type LintProblem, ProblemSink } from "./lintProblem.ts";

/** Lists inside a question whose entries are told apart by value (choices, rows) or by name (columns). */
const keyedLists = ["choices", "rows", "columns", "rateValues", "items"];

/**
 * Names that must be unique in a questionnaire: pages among pages; questions and panels together (within
 * the questionnaire, or within one dynamic panel's template); calculated values; and inside each question
 * its choice values, rows, columns and items. Every question needs a name.
 */
export function lintQuestionnaireNames(
  questionnaire: LoadedQuestionnaire,
  index: QuestionnaireIndex,
): LintProblem[] {
  const duplicates = new ProblemSink(questionnaire.file, "duplicate");
  const names = new ProblemSink(questionnaire.file, "name");
  const nameOf = (element: IndexedElement) => nonEmptyName(element.json.name);
  const pathOf = (element: IndexedElement) => childPath(element.path, "name");
  findDuplicates(duplicates, index.pages, nameOf, pathOf, "page name");
  const scopes = new Map<string, IndexedElement[]>();
  for (const element of index.elements) {
    if (element.role === "question" && nameOf(element) === undefined)
      names.error(element.path, "question has no name");
    const scope = element.template ?? "";
    scopes.set(scope, [...(scopes.get(scope) ?? []), element]);
  }
  for (const [template, elements] of scopes) {
    const where = template === "" ? "" : ` in the template of "${template}"`;
    findDuplicates(duplicates, elements, nameOf, pathOf, "question or panel name", where);
  }
  const calculated = questionnaire.json.calculatedValues;
  if (Array.isArray(calculated)) {
    const entries = calculated.map((item, position) => ({
      item,
      path: childPath("$.calculatedValues", position),
    }));
    const takenByQuestion = (name: string | undefined) => name !== undefined && index.questions.has(name);
    for (const entry of entries) {
      const name = itemKey(entry.item);
      if (takenByQuestion(name))
        duplicates.error(
          childPath(entry.path, "name"),
          `calculated value "${name}" shares a question's name`,
        );
    }
    findDuplicates(
      duplicates,
      entries,
      (entry) => itemKey(entry.item),
      (entry) => childPath(entry.path, "name"),
      "calculated value",
    );
  }
  for (const element of index.elements) checkItemKeys(duplicates, element);
  return [...names.problems, ...duplicates.problems];
}

function checkItemKeys(sink: ProblemSink, element: IndexedElement): void {
  for (const key of keyedLists) {
    const list = element.json[key];
    if (!Array.isArray(list)) continue;
    const listPath = childPath(element.path, key);
    const entries = list.map((item, position) => ({ item, path: childPath(listPath, position) }));
    const what =
      key === "choices" || key === "rateValues" ? "choice value" : `${key.replace(/s$/, "")} value`;
    findDuplicates(
      sink,
      entries,
      (entry) => itemKey(entry.item),
      (entry) => entry.path,
      what,
      ` in "${element.json.name}"`,
    );
  }
}

/** An item's identity: a bare value, or the `value` (choices, rows) or `name` (columns, items) of an object. */
function itemKey(item: unknown): string | undefined {
  if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") return String(item);
  if (typeof item !== "object" || item === null) return undefined;
  const { value, name } = item as { value?: unknown; name?: unknown };
  if (value !== undefined && value !== null) return String(value);
  return nonEmptyName(name);
}

function nonEmptyName(name: unknown): string | undefined {
  return typeof name === "string" && name.trim() !== "" ? name : undefined;
}
