import { ExpressionRunner } from "survey-core";
import type { Choice } from "./choiceLists.ts";
import { type ConvertContext, pipeReferences, type RowPlace, translateAt } from "./convertContext.ts";
import { surveyScope } from "./surveyScope.ts";
import type { QuestionType } from "./surveyTree.ts";
import type { JsonObject, RawRow } from "./types.ts";

type SelectType = Extract<QuestionType, { kind: "select" }>;

const surveyJsTypes = { one: "radiogroup", multiple: "checkbox", rank: "ranking" } as const;

function choiceColumnValue(choice: Choice, column: string): string {
  if (column.toLowerCase() === "name") return choice.name;
  const match = choice.table.columns.find(
    (candidate) => candidate.header.toLowerCase() === column.toLowerCase(),
  );
  return match ? (choice.table.cell(choice.row, match) ?? "") : "";
}

function hasChoiceColumn(choice: Choice, column: string): boolean {
  if (column.toLowerCase() === "name") return true;
  return choice.table.columns.some((candidate) => candidate.header.toLowerCase() === column.toLowerCase());
}

/**
 * A choice filter becomes a `visibleIf` on each choice: the filter's choice columns are that choice's own
 * values, so `${state} = cf` on a county whose cf is "texas" reads `{state} = 'texas'`.
 */
function filterChoices(
  context: ConvertContext,
  row: RawRow,
  place: RowPlace,
  items: JsonObject[],
  choices: Choice[],
): void {
  const filter = context.survey.text(row, "choice_filter");
  if (filter === undefined) return;
  const path = context.survey.path(row, "choice_filter");
  for (const [index, choice] of choices.entries()) {
    const scope = surveyScope(context.symbols, place.repeatPath, place.currentName);
    scope.choiceColumn = (column) =>
      hasChoiceColumn(choice, column) ? choiceColumnValue(choice, column) : undefined;
    const condition = translateAt(context, path, filter, scope);
    if (condition === undefined) return;
    const item = items[index] as JsonObject;
    if (condition.includes("{")) item.visibleIf = condition;
    else if (new ExpressionRunner(condition).runValues({}) !== true) item.visibleIf = "false";
  }
}

/** A select_one, select_multiple or rank question with its choices, or undefined when they cannot be had. */
export function selectQuestion(
  context: ConvertContext,
  row: RawRow,
  type: SelectType,
  place: RowPlace,
): JsonObject | undefined {
  const typePath = context.survey.path(row, "type");
  if (type.source.from === "file") {
    context.log.error(
      typePath,
      `the choices are in the file ${type.source.file}; Parallax imports choices from the workbook's choices sheet only`,
    );
    return undefined;
  }
  const external = type.source.from === "external";
  const lists = external ? context.externalChoices : context.choices;
  const choices = lists.get(type.list);
  if (!choices) {
    context.log.error(
      typePath,
      `the list "${type.list}" is not in the ${external ? "external_choices" : "choices"} sheet`,
    );
    return undefined;
  }
  context.usedLists.add(external ? `external_choices:${type.list}` : type.list);
  const items = choices.map((choice): JsonObject => {
    const labelPath = choice.table.path(choice.row, "label");
    const text = context.languages.localize(choice.table, choice.row, "label", (label) =>
      pipeReferences(context, labelPath, label, place),
    );
    return text === undefined ? { value: choice.name } : { value: choice.name, text };
  });
  filterChoices(context, row, place, items, choices);
  const question: JsonObject = { type: surveyJsTypes[type.mode], choices: items };
  if (type.orOther) {
    if (type.mode === "rank") context.log.error(typePath, "a rank question cannot offer an other choice");
    else question.showOtherItem = true;
  }
  return question;
}
