import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { isAnswered, type ScreenContext } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/** Required questions the respondent was shown but left unanswered. */
export function incompleteRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const { severity } = context.config.rules.incomplete;
  const flags: Flag[] = [];
  for (const response of responses) {
    const outline = context.populations.get(response.population)?.outline;
    if (!outline) continue;
    const missing: string[] = [];
    for (const question of outline.questions)
      if (
        question.required &&
        !isAnswered(response.answers[question.name]) &&
        context.isShown(response, question.name)
      )
        missing.push(question.name);
    if (missing.length > 0)
      flags.push(
        makeFlag(response, "incomplete", severity, reasons.incomplete(missing), { missing: missing.length }),
      );
  }
  return flags;
}
