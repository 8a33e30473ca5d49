import type { ItemValue, QuestionSelectBase } from "survey-core";
import { type CompileProblem, type Condition, optionalCondition, type Values } from "./conditions.ts";

interface Choice {
  value: unknown;
  visibleIf: Condition | undefined;
  exclusive: boolean;
}

/** The choices of a select question: which values exist for these answers, which stand alone, which is "other". */
export interface ChoiceSet {
  /** The values a respondent could pick given the answers so far (special items included, "other" too). */
  visibleValues(values: Values): unknown[];
  isExclusive(value: unknown): boolean;
  /** The "other" item's value when the question shows one. */
  otherValue: unknown;
  hasOther: boolean;
  /** True: "other" is stored as its value plus `<name>-Comment`; false: the other text is the value itself. */
  othersAsComment: boolean;
}

const unsupportedChoiceSources = ["choicesByUrl", "choicesFromQuestion", "choicesEnableIf"] as const;

export function compileChoiceSet(
  question: QuestionSelectBase,
  json: Record<string, unknown>,
  path: string,
  problems: CompileProblem[],
): ChoiceSet {
  for (const property of unsupportedChoiceSources) {
    if (hasContent(json[property])) problems.push({ path, message: `"${property}" is not supported` });
  }
  const choices: Choice[] = question.choices.map((item: ItemValue, index: number) =>
    compileChoice(
      item,
      (json.choices as unknown[] | undefined)?.[index],
      `${path}.choices[${index}]`,
      problems,
    ),
  );
  choices.push(...generatedChoices(question));
  for (const [shown, item] of specialItems(question)) {
    if (shown)
      choices.push({ value: item.value, visibleIf: undefined, exclusive: item.isExclusive === true });
  }
  if (question.showCommentArea && question.showOtherItem) {
    problems.push({ path, message: '"showOtherItem" together with "showCommentArea" is not supported' });
  }
  const choicesVisibleIf = optionalCondition(question.choicesVisibleIf, `${path}.choicesVisibleIf`, problems);
  const anyCondition = choicesVisibleIf !== undefined || choices.some((choice) => choice.visibleIf);
  const allValues = choices.map((choice) => choice.value);
  if (question.showOtherItem) allValues.push(question.otherItem.value);
  const exclusive = new Set(choices.filter((choice) => choice.exclusive).map((choice) => choice.value));
  return {
    visibleValues(values) {
      if (!anyCondition) return allValues;
      const visible = choices
        .filter((choice) => isChoiceVisible(choice, choicesVisibleIf, values))
        .map((choice) => choice.value);
      if (question.showOtherItem) visible.push(question.otherItem.value);
      return visible;
    },
    isExclusive: (value) => exclusive.has(value),
    otherValue: question.showOtherItem ? question.otherItem.value : undefined,
    hasOther: question.showOtherItem,
    othersAsComment: question.getStoreOthersAsComment(),
  };
}

function compileChoice(item: ItemValue, json: unknown, path: string, problems: CompileProblem[]): Choice {
  const raw = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
  for (const property of ["enableIf", "showCommentArea", "isCommentRequired"]) {
    if (hasContent(raw[property]))
      problems.push({ path, message: `a choice's "${property}" is not supported` });
  }
  return {
    value: item.value,
    visibleIf: optionalCondition(item.visibleIf, `${path}.visibleIf`, problems),
    exclusive: item.isExclusive === true,
  };
}

function isChoiceVisible(choice: Choice, choicesVisibleIf: Condition | undefined, values: Values): boolean {
  if (!choice.visibleIf && !choicesVisibleIf) return true;
  const withItem = { ...values, item: choice.value };
  if (choice.visibleIf && !choice.visibleIf.run(withItem)) return false;
  return !choicesVisibleIf || choicesVisibleIf.run(withItem);
}

/** Dropdown's choicesMin/choicesMax/choicesStep number items. */
function generatedChoices(question: QuestionSelectBase): Choice[] {
  const range = question as unknown as { choicesMin?: number; choicesMax?: number; choicesStep?: number };
  const min = Number(range.choicesMin ?? 0);
  const max = Number(range.choicesMax ?? 0);
  const step = Math.max(1, Number(range.choicesStep ?? 1));
  if (question.getType() !== "dropdown" || !(max > min)) return [];
  const generated: Choice[] = [];
  for (let value = min; value <= max; value += step)
    generated.push({ value, visibleIf: undefined, exclusive: false });
  return generated;
}

function specialItems(question: QuestionSelectBase): Array<[boolean, ItemValue]> {
  return [
    [question.showNoneItem, question.noneItem],
    [question.showRefuseItem, question.refuseItem],
    [question.showDontKnowItem, question.dontKnowItem],
  ];
}

function hasContent(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}
