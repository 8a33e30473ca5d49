import { Helpers } from "survey-core";

/**
 * survey-core's notion of "no answer": undefined, null, a blank string, an empty list, or an object whose
 * values are all empty. An empty answer is treated as absent everywhere, exactly as survey-core does.
 */
export function isEmptyAnswer(value: unknown): boolean {
  return Helpers.isValueEmpty(typeof value === "string" ? value.trim() : value);
}
