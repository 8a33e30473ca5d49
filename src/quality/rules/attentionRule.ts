import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { isAnswered, type ScreenContext } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/** A configured attention check answered otherwise than its instruction asked. */
export function attentionRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const { severity, checks } = context.config.rules.attention;
  const flags: Flag[] = [];
  for (const response of responses) {
    for (const check of checks) {
      if (check.population !== undefined && check.population !== response.population) continue;
      const given = response.answers[check.question];
      if (!isAnswered(given) || check.expected.includes(String(given))) continue;
      flags.push(
        makeFlag(
          response,
          "attention",
          severity,
          reasons.attention(check.question, String(given), check.expected),
          {
            question: check.question,
            given: String(given),
          },
        ),
      );
      break;
    }
  }
  return flags;
}
