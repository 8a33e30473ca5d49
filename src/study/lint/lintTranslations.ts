import type { LoadedQuestionnaire } from "../types.ts";
import { checkLocalizedText, type LanguageScope, reportUntranslated } from "./checkLocalizedText.ts";
import type { QuestionnaireIndex } from "./indexQuestionnaire.ts";
import { childPath } from "./jsonPath.ts";
import { type LintProblem, ProblemSink } from "./lintProblem.ts";
import { textProperties } from "./surveyVocabulary.ts";
import { walkObjects } from "./walkObjects.ts";

/** Question types that show no title of their own. */
const untitledTypes = new Set(["html", "image"]);
/** Lists of items whose text, when absent, is their value shown as it stands. */
const valueShownItemLists = ["choices", "rows", "rateValues"];

/**
 * Checks that every string a respondent can see exists in each language of the population: written
 * texts (titles, choices, html, placeholders, validator messages …) and texts that SurveyJS falls back to
 * when none is written (a question's name, a choice's value).
 */
export function lintTranslations(
  questionnaire: LoadedQuestionnaire,
  index: QuestionnaireIndex,
  languages: readonly string[],
): LintProblem[] {
  const sink = new ProblemSink(questionnaire.file, "translation");
  const scope: LanguageScope = { languages, owner: `population ${questionnaire.population}`, surveyJs: true };
  walkObjects(questionnaire.json, "$", (object, path) => {
    for (const [key, value] of Object.entries(object)) {
      if (textProperties.has(key) && value !== undefined)
        checkLocalizedText(sink, childPath(path, key), value, scope);
    }
  });
  for (const element of index.elements) {
    checkFallbacks(sink, element.json, element.path, scope);
  }
  return sink.problems;
}

function checkFallbacks(
  sink: ProblemSink,
  element: Record<string, unknown>,
  path: string,
  scope: LanguageScope,
) {
  const type = String(element.type ?? "");
  if (type !== "panel" && !untitledTypes.has(type) && element.title === undefined && showsTitle(element)) {
    reportUntranslated(
      sink,
      childPath(path, "title"),
      scope,
      `no title: the name "${element.name}" is shown`,
    );
  }
  const lists = type === "matrix" ? [...valueShownItemLists, "columns"] : valueShownItemLists;
  for (const key of lists) {
    const items = element[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item, position) => {
      const itemPath = childPath(childPath(path, key), position);
      const shown = typeof item === "object" && item !== null ? shownValue(item) : item;
      if (typeof shown === "string" && !isNumeric(shown)) {
        reportUntranslated(
          sink,
          childPath(itemPath, "text"),
          scope,
          `no text: the value "${shown}" is shown`,
        );
      }
    });
  }
  if (type !== "matrix") checkNamedParts(sink, element, path, scope);
}

/** Matrix columns and multiple-text items show their name when they have no title. */
function checkNamedParts(
  sink: ProblemSink,
  element: Record<string, unknown>,
  path: string,
  scope: LanguageScope,
) {
  for (const key of ["columns", "items"]) {
    const parts = element[key];
    if (!Array.isArray(parts)) continue;
    parts.forEach((part, position) => {
      if (typeof part !== "object" || part === null) return;
      const { name, title } = part as { name?: unknown; title?: unknown };
      if (title === undefined && typeof name === "string" && !isNumeric(name)) {
        const partPath = childPath(childPath(path, key), position);
        reportUntranslated(
          sink,
          childPath(partPath, "title"),
          scope,
          `no title: the name "${name}" is shown`,
        );
      }
    });
  }
}

function shownValue(item: object): unknown {
  const { value, text } = item as { value?: unknown; text?: unknown };
  return text === undefined ? value : undefined;
}

function showsTitle(element: Record<string, unknown>): boolean {
  return element.visible !== false && element.titleLocation !== "hidden";
}

function isNumeric(text: string): boolean {
  return text.trim() !== "" && Number.isFinite(Number(text));
}
