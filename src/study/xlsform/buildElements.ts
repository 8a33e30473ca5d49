import { buildQuestion } from "./buildQuestion.ts";
import { type ConvertContext, expressionAt, textAt } from "./convertContext.ts";
import { resolveName } from "./surveyScope.ts";
import type { SurveyNode } from "./surveyTree.ts";
import type { JsonObject } from "./types.ts";
import { ExpressionError } from "./xpathParser.ts";

type ContainerNode = Extract<SurveyNode, { kind: "group" | "repeat" }>;
type LoopNode = Extract<SurveyNode, { kind: "loop" }>;

/** Elements with the top-level node each came from, and the calculated values met on the way. */
export interface BuiltElements {
  elements: { node: SurveyNode; element: JsonObject }[];
  calculatedValues: JsonObject[];
}

function repeatCount(
  context: ConvertContext,
  node: ContainerNode,
  repeatPath: string[],
  panel: JsonObject,
): void {
  const count = context.survey.text(node.row, "repeat_count");
  if (count === undefined) {
    panel.panelCount = 1;
    return;
  }
  const path = context.survey.path(node.row, "repeat_count");
  if (/^\d+$/.test(count)) {
    const fixed = Number(count);
    Object.assign(panel, { panelCount: fixed, minPanelCount: fixed, maxPanelCount: fixed });
    return;
  }
  const reference = /^\$\{\s*([^}\s]+)\s*\}$/.exec(count);
  try {
    if (!reference?.[1])
      throw new ExpressionError("SurveyJS can take the number of repeats from a question, not a formula");
    const target = resolveName(context.symbols, reference[1], repeatPath);
    if (target.operand !== `{${reference[1]}}`) {
      throw new ExpressionError(`\${${reference[1]}} must be a question outside any repeat`);
    }
    panel.bindings = { panelCount: reference[1] };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    context.log.error(path, `cannot use ${JSON.stringify(count)} as the number of repeats: ${error.message}`);
  }
}

function container(
  context: ConvertContext,
  node: ContainerNode,
  repeatPath: string[],
  out: JsonObject[],
): JsonObject {
  const place = { repeatPath };
  const inner = node.kind === "repeat" ? [...repeatPath, node.name] : repeatPath;
  const element: JsonObject = { type: node.kind === "repeat" ? "paneldynamic" : "panel", name: node.name };
  const title = textAt(context, context.survey, node.row, "label", place);
  if (title !== undefined) element.title = title;
  if (node.kind === "repeat" && title !== undefined) element.templateTitle = title;
  const visibleIf = expressionAt(context, node.row, "relevant", place);
  if (visibleIf !== undefined) element.visibleIf = visibleIf;
  if (node.kind === "repeat") repeatCount(context, node, repeatPath, element);
  const appearance = context.survey.text(node.row, "appearance");
  if (appearance !== undefined && appearance.toLowerCase() !== "field-list") {
    context.log.warn(
      context.survey.path(node.row, "appearance"),
      `the ${node.kind} appearance ${appearance} has no SurveyJS equivalent; shown as a panel`,
    );
  }
  const children = buildElements(context, node.children, inner, out).elements.map((built) => built.element);
  element[node.kind === "repeat" ? "templateElements" : "elements"] = children;
  return element;
}

/** An old-style loop over a choice list: one panel per choice, `%(label)s` replaced by the choice's label. */
function loop(
  context: ConvertContext,
  node: LoopNode,
  repeatPath: string[],
  out: JsonObject[],
): JsonObject[] {
  const choices = context.choices.get(node.list);
  if (!choices) {
    context.log.error(
      context.survey.path(node.row, "type"),
      `the list "${node.list}" is not in the choices sheet`,
    );
    return [];
  }
  context.usedLists.add(node.list);
  const template = buildElements(context, node.children, repeatPath, out).elements.map(
    (built) => built.element,
  );
  return choices.map((choice) => {
    const label = context.languages.localize(choice.table, choice.row, "label");
    const labelText = typeof label === "object" ? (label.default ?? Object.values(label)[0]) : label;
    const prefix = `${node.name}_${choice.name}_`;
    const text = JSON.stringify(template)
      .replaceAll("%(label)s", JSON.stringify(labelText ?? choice.name).slice(1, -1))
      .replaceAll("%(name)s", JSON.stringify(choice.name).slice(1, -1));
    const elements = (JSON.parse(text) as JsonObject[]).map((element) => ({
      ...element,
      name: `${prefix}${String(element.name)}`,
    }));
    return { type: "panel", name: `${node.name}_${choice.name}`, title: label ?? choice.name, elements };
  });
}

/** Converts nodes (and their children) into SurveyJS elements; calculated values are collected apart. */
export function buildElements(
  context: ConvertContext,
  nodes: SurveyNode[],
  repeatPath: string[],
  calculatedValues: JsonObject[] = [],
): BuiltElements {
  const elements: BuiltElements["elements"] = [];
  for (const node of nodes) {
    if (node.kind === "question") {
      const built = buildQuestion(context, node, repeatPath);
      if (built.calculatedValue) calculatedValues.push(built.calculatedValue);
      if (built.element) elements.push({ node, element: built.element });
    } else if (node.kind === "loop") {
      for (const element of loop(context, node, repeatPath, calculatedValues))
        elements.push({ node, element });
    } else {
      elements.push({ node, element: container(context, node, repeatPath, calculatedValues) });
    }
  }
  return { elements, calculatedValues };
}

/** Counts questions, including each question of a repeat's template once. */
export function countQuestions(elements: JsonObject[]): number {
  let count = 0;
  for (const element of elements) {
    if (element.type === "panel") count += countQuestions(element.elements as JsonObject[]);
    else if (element.type === "paneldynamic")
      count += countQuestions(element.templateElements as JsonObject[]);
    else count += 1;
  }
  return count;
}
