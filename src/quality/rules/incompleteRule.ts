import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { isAnswered, type ScreenContext } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/** Required questions the respondent was shown but left unanswered. */
export function incompleteRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const { severity } = context.config.rules.incomplete;
  const flags: Flag[] = [];
  const required = new Map<string, string[]>();
  for (const [id, screen] of context.populations)
    required.set(
      id,
      screen.outline.questions.filter((question) => question.required).map((question) => question.name),
    );
  for (const response of responses) {
    const names = required.get(response.population);
    if (!names) continue;
    // Made only for the few responses that miss an answer.
    let missing: string[] | undefined;
    for (const name of names)
      if (!isAnswered(response.answers[name]) && context.isShown(response, name)) {
        missing ??= [];
        missing.push(name);
      }
    if (missing)
      flags.push(
        makeFlag(response, "incomplete", severity, reasons.incomplete(missing), { missing: missing.length }),
      );
  }
  return flags;
}
