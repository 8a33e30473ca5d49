import { localize } from "../../study/localize.ts";
import type { QuestionnaireJson, SurveyElementJson } from "../../study/types.ts";
import { walkQuestions } from "../../study/walkQuestions.ts";
import { exportWords } from "./exportWords.ts";

export type VariableType = "numeric" | "categorical" | "binary" | "rank" | "text" | "date";

/** One column of an export: how to read it from a response's answers and how to describe it. */
export interface ExportVariable {
  name: string;
  label: string;
  type: VariableType;
  valueLabels?: Array<[string | number, string]>;
  read(answers: Record<string, unknown>): string | number | null;
}

interface Choice {
  value: string | number;
  label: string;
}

function choicesOf(items: SurveyElementJson["choices"], language: string): Choice[] {
  return (items ?? []).map((item) =>
    typeof item === "object"
      ? { value: item.value, label: localize(item.text, language) ?? String(item.value) }
      : { value: item, label: String(item) },
  );
}

function scalar(value: unknown): string | number | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return JSON.stringify(value);
}

/**
 * The export's columns for one questionnaire: one per answer, select-multiple as one 0/1 column per choice,
 * ranking as one rank column per item, grids and multiple texts as one column per row or item.
 */
export function exportVariables(questionnaire: QuestionnaireJson, language: string): ExportVariable[] {
  const words = exportWords(language);
  const yesNo: Array<[number, string]> = [
    [0, words.notSelected],
    [1, words.selected],
  ];
  const variables: ExportVariable[] = [];
  for (const question of walkQuestions(questionnaire)) {
    const name = question.name;
    const label = localize(question.title, language) ?? name;
    const choices = choicesOf(question.choices, language);
    const withSpecial = [...choices];
    if (question.showNoneItem)
      withSpecial.push({
        value: "none",
        label: localize(question.noneText as never, language) ?? words.none,
      });
    if (question.showOtherItem)
      withSpecial.push({
        value: "other",
        label: localize(question.otherText as never, language) ?? words.other,
      });
    switch (question.type) {
      case "checkbox":
      case "tagbox":
        for (const choice of withSpecial) {
          variables.push({
            name: `${name}.${choice.value}`,
            label: `${label}: ${choice.label}`,
            type: "binary",
            valueLabels: yesNo,
            read: (answers) =>
              Array.isArray(answers[name])
                ? (answers[name] as unknown[]).includes(choice.value)
                  ? 1
                  : 0
                : null,
          });
        }
        break;
      case "ranking":
        for (const choice of choices) {
          variables.push({
            name: `${name}.${choice.value}`,
            label: `${label}: ${choice.label}`,
            type: "rank",
            read: (answers) => {
              const order = answers[name];
              const position = Array.isArray(order) ? order.indexOf(choice.value) : -1;
              return position >= 0 ? position + 1 : null;
            },
          });
        }
        break;
      case "matrix":
      case "multipletext": {
        const rows = (
          question.type === "matrix" ? question.rows : question.items
        ) as SurveyElementJson["choices"];
        const columns =
          question.type === "matrix"
            ? choicesOf(question.columns as SurveyElementJson["choices"], language)
            : undefined;
        for (const row of choicesOf(rows, language)) {
          variables.push({
            name: `${name}.${row.value}`,
            label: `${label}: ${row.label}`,
            type: columns ? "categorical" : "text",
            valueLabels: columns?.map((column) => [column.value, column.label]),
            read: (answers) =>
              scalar((answers[name] as Record<string, unknown> | undefined)?.[String(row.value)]),
          });
        }
        break;
      }
      default: {
        const inputType = question.inputType as string | undefined;
        const numeric =
          (question.type === "text" && (inputType === "number" || inputType === "range")) ||
          question.type === "rating";
        const categorical = choices.length > 0 || question.type === "boolean";
        const type: VariableType = numeric
          ? "numeric"
          : categorical
            ? "categorical"
            : inputType?.startsWith("date")
              ? "date"
              : "text";
        variables.push({
          name,
          label,
          type,
          valueLabels:
            question.type === "boolean"
              ? [
                  [1, localize(question.labelTrue as never, language) ?? words.yes],
                  [0, localize(question.labelFalse as never, language) ?? words.no],
                ]
              : withSpecial.length
                ? withSpecial.map((choice) => [choice.value, choice.label])
                : undefined,
          read: (answers) => scalar(answers[name]),
        });
      }
    }
    if (question.showOtherItem) {
      variables.push({
        name: `${name}-Comment`,
        label: `${label}: ${localize(question.otherText as never, language) ?? words.other}`,
        type: "text",
        read: (answers) => scalar(answers[`${name}-Comment`]),
      });
    }
  }
  return variables;
}
