import { applyAppearance } from "./appearance.ts";
import {
  type ConvertContext,
  expressionAt,
  flagAt,
  type RowPlace,
  textAt,
  translateAt,
} from "./convertContext.ts";
import { plainQuestion } from "./plainQuestion.ts";
import { selectQuestion } from "./selectQuestion.ts";
import { surveyScope } from "./surveyScope.ts";
import type { SurveyNode } from "./surveyTree.ts";
import type { JsonObject, LocalizedText, RawRow } from "./types.ts";
import { parseXPath } from "./xpathParser.ts";

type QuestionNode = Extract<SurveyNode, { kind: "question" }>;

export interface BuiltQuestion {
  element?: JsonObject;
  /** A calculation outside repeats: a SurveyJS calculated value rather than a question. */
  calculatedValue?: JsonObject;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "<br>");
}

function mapText(text: LocalizedText, change: (value: string) => string): LocalizedText {
  if (typeof text === "string") return change(text);
  return Object.fromEntries(Object.entries(text).map(([locale, value]) => [locale, change(value)]));
}

function calculation(context: ConvertContext, node: QuestionNode, place: RowPlace): BuiltQuestion {
  const expression = expressionAt(context, node.row, "calculation", place);
  if (expression === undefined) {
    if (context.survey.text(node.row, "calculation") === undefined) {
      context.log.error(context.survey.path(node.row, "calculation"), "a calculate row needs a calculation");
    }
    return {};
  }
  if (place.repeatPath.length === 0) {
    return { calculatedValue: { name: node.name, expression, includeIntoResult: true } };
  }
  // Inside a repeat each instance has its own value, which only a (hidden) expression question holds.
  return { element: { type: "expression", name: node.name, expression, visible: false } };
}

/** A constraint: `regex(., '…')` becomes a regex validator, anything else an expression validator. */
function constraintValidator(context: ConvertContext, row: RawRow, place: RowPlace): JsonObject | undefined {
  const source = context.survey.text(row, "constraint");
  if (source === undefined) return undefined;
  const text = textAt(context, context.survey, row, "constraint_message", place);
  const withText = (validator: JsonObject) => (text === undefined ? validator : { ...validator, text });
  try {
    const tree = parseXPath(source);
    const [subject, pattern] = tree.kind === "call" && tree.name === "regex" ? tree.args : [];
    if (
      subject?.kind === "current" &&
      pattern?.kind === "string" &&
      tree.kind === "call" &&
      tree.args.length === 2
    ) {
      return withText({ type: "regex", regex: pattern.value });
    }
  } catch {
    // translateAt below reports the unreadable expression with its cell.
  }
  const scope = surveyScope(context.symbols, place.repeatPath, place.currentName);
  const expression = translateAt(context, context.survey.path(row, "constraint"), source, scope);
  return expression === undefined ? undefined : withText({ type: "expression", expression });
}

function staticDefault(question: JsonObject, value: string): unknown {
  if (["checkbox", "tagbox", "ranking"].includes(String(question.type))) return value.split(/\s+/);
  if (question.inputType === "number" || question.type === "rating") {
    const number = Number(value);
    return Number.isFinite(number) ? number : value;
  }
  return value;
}

function applyDefault(context: ConvertContext, row: RawRow, question: JsonObject, place: RowPlace): void {
  const value = context.survey.text(row, "default");
  if (value === undefined) return;
  // pyxform's rule: a default naming a question or calling a function is computed, anything else is literal.
  if (/\$\{|[A-Za-z-]\s*\(/.test(value)) {
    const expression = expressionAt(context, row, "default", place);
    if (expression !== undefined) question.defaultValueExpression = expression;
    return;
  }
  question.defaultValue = staticDefault(question, value);
}

function applyBehaviour(
  context: ConvertContext,
  node: QuestionNode,
  question: JsonObject,
  place: RowPlace,
): void {
  const { row } = node;
  const visibleIf = expressionAt(context, row, "relevant", place);
  if (visibleIf !== undefined) question.visibleIf = visibleIf;
  const required = flagAt(context, row, "required", place);
  if (required === true) question.isRequired = true;
  else if (required) question.requiredIf = required.expression;
  const requiredText = textAt(context, context.survey, row, "required_message", place);
  if (requiredText !== undefined) question.requiredErrorText = requiredText;
  const readOnly = flagAt(context, row, "read_only", place);
  if (readOnly === true) question.readOnly = true;
  else if (readOnly) question.enableIf = `!(${readOnly.expression})`;
  const validator = constraintValidator(context, row, place);
  if (validator) question.validators = [...((question.validators as JsonObject[]) ?? []), validator];
  applyDefault(context, row, question, place);
  const setValue = expressionAt(context, row, "calculation", place);
  if (setValue !== undefined) question.setValueExpression = setValue;
}

const answerFields = ["required", "constraint", "default", "calculation", "read_only"];

/** Converts one question row into a SurveyJS question (or a calculated value); errors are logged. */
export function buildQuestion(
  context: ConvertContext,
  node: QuestionNode,
  repeatPath: string[],
): BuiltQuestion {
  const place: RowPlace = { repeatPath, currentName: node.name };
  const { row, type } = node;
  if (type.kind === "plain" && type.type === "calculate") return calculation(context, node, place);
  const base =
    type.kind === "select"
      ? selectQuestion(context, row, type, place)
      : plainQuestion(context, row, type.type);
  if (!base) return {};
  const question: JsonObject = { type: base.type, name: node.name, ...base };
  const label = textAt(context, context.survey, row, "label", place);
  const hint = textAt(context, context.survey, row, "hint", place);
  if (question.type === "html") {
    if (label !== undefined) question.html = mapText(label, escapeHtml);
    else context.log.warn(context.survey.path(row, "label"), "the note has no text");
    const visibleIf = expressionAt(context, row, "relevant", place);
    if (visibleIf !== undefined) question.visibleIf = visibleIf;
    for (const field of answerFields) {
      if (context.survey.text(row, field) !== undefined) {
        context.log.warn(context.survey.path(row, field), "a note takes no answer; this column is ignored");
      }
    }
    return { element: question };
  }
  if (label !== undefined) question.title = label;
  else
    context.log.warn(
      context.survey.path(row, "label"),
      `the question has no label; SurveyJS shows its name "${node.name}"`,
    );
  if (hint !== undefined) question.description = hint;
  applyBehaviour(context, node, question, place);
  applyAppearance(context, row, question);
  if (
    context.survey.text(row, "parameters") !== undefined &&
    !(type.kind === "plain" && type.type === "range")
  ) {
    context.log.warn(
      context.survey.path(row, "parameters"),
      "these parameters have no SurveyJS equivalent; ignored",
    );
  }
  return { element: question };
}
