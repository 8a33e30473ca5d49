import { Serializer, settings } from "survey-core";

/**
 * What survey-core's own metadata says about property names, gathered once: which hold text shown to
 * respondents (localizable) and which hold expressions. Reading the Serializer keeps the linter in step
 * with the engine instead of a hand-kept list.
 */
const notText = new Set(["imageLink", "logo", "url", "dataList"]);

function propertyNames(keep: (property: { name: string; type: string; isLocalizable: boolean }) => boolean) {
  const names = new Set<string>();
  for (const className of Serializer.getAllClasses()) {
    for (const property of Serializer.getProperties(className)) {
      if (keep(property)) names.add(property.name);
    }
  }
  return names;
}

export const textProperties: ReadonlySet<string> = propertyNames(
  (property) => property.isLocalizable && !notText.has(property.name),
);

export const expressionProperties: ReadonlySet<string> = propertyNames(
  (property) => property.type === "condition" || property.type === "expression",
);

/** Properties that name a question directly rather than through an expression. */
export const questionReferenceProperties: ReadonlySet<string> = new Set([
  "setToName",
  "fromName",
  "gotoName",
  "choicesFromQuestion",
]);

/** Names an expression may read that are not questions: survey built-ins and context words such as {row}. */
export const builtInVariables: ReadonlySet<string> = new Set(
  [
    "locale",
    "pageno",
    "pagecount",
    "correctanswers",
    "correctedanswers",
    "correctedanswercount",
    "incorrectanswers",
    "incorrectedanswers",
    "incorrectedanswercount",
    "questioncount",
    ...Object.values(settings.expressionVariables).filter((word) => !word.startsWith("-")),
  ].map((word) => word.toLowerCase()),
);
