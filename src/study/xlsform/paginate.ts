import type { ConvertContext } from "./convertContext.ts";
import type { SurveyNode } from "./surveyTree.ts";
import type { JsonObject } from "./types.ts";

function isFieldList(context: ConvertContext, node: SurveyNode): boolean {
  if (node.kind !== "group") return false;
  return /(^|\s)field-list(\s|$)/i.test(context.survey.text(node.row, "appearance") ?? "");
}

/**
 * Pages: each top-level field-list group becomes a page of its own, and the elements between such
 * groups share a page; a form without field-list groups is one page.
 */
export function paginate(
  context: ConvertContext,
  elements: { node: SurveyNode; element: JsonObject }[],
): JsonObject[] {
  const pages: JsonObject[] = [];
  let loose: JsonObject[] = [];
  const flush = () => {
    if (loose.length === 0) return;
    pages.push({ name: `page${pages.length + 1}`, elements: loose });
    loose = [];
  };
  for (const { node, element } of elements) {
    if (!isFieldList(context, node)) {
      loose.push(element);
      continue;
    }
    flush();
    const { type: _panel, elements: children, ...page } = element;
    pages.push({ ...page, elements: children });
  }
  flush();
  if (pages.length === 0) pages.push({ name: "page1", elements: [] });
  return pages;
}
