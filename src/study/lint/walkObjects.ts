import { childPath } from "./jsonPath.ts";

/** Keys whose values are answers or data, not questionnaire structure: nothing inside them is text or logic. */
const dataKeys = new Set([
  "defaultValue",
  "correctAnswer",
  "value",
  "valueTrue",
  "valueFalse",
  "choicesByUrl",
]);

/** Calls `visit` on every JSON object under `value` (itself included) with its JSON path. */
export function walkObjects(
  value: unknown,
  path: string,
  visit: (object: Record<string, unknown>, path: string) => void,
): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walkObjects(item, childPath(path, index), visit);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const object = value as Record<string, unknown>;
  visit(object, path);
  for (const [key, child] of Object.entries(object)) {
    if (!dataKeys.has(key)) walkObjects(child, childPath(path, key), visit);
  }
}
