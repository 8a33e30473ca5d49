import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import { groupBy, type ScreenContext, startedOrder } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/**
 * A later response with the same respondent token or device (in modes where those belong to one respondent)
 * or with every answer identical to an earlier one. The earliest is kept.
 */
export function duplicateRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const settings = context.config.rules.duplicate;
  const flags: Flag[] = [];
  for (const [population, group] of groupBy(responses, (response) => response.population)) {
    const names =
      context.populations.get(population)?.outline.questions.map((question) => question.name) ?? [];
    const seen = new Map<string, string>();
    for (const response of [...group].sort(startedOrder)) {
      const keys: Array<[string, string]> = [];
      if (settings.identifierModes.includes(response.mode)) {
        for (const key of settings.identifierKeys) {
          const value = response.paradata[key];
          if (typeof value === "string" && value !== "") keys.push([key, `${key}\u0000${value}`]);
        }
      }
      if (settings.identicalAnswers)
        keys.push(["answers", `answers\u0000${answerText(response.answers, names)}`]);
      const match = keys.find(([, key]) => seen.has(key));
      if (match) {
        const firstId = seen.get(match[1]) ?? "";
        const reason =
          match[0] === "answers"
            ? reasons.duplicateAnswers(firstId)
            : reasons.duplicateIdentifier(match[0], firstId);
        flags.push(makeFlag(response, "duplicate", settings.severity, reason, { of: firstId, by: match[0] }));
      }
      for (const [, key] of keys) if (!seen.has(key)) seen.set(key, response.id);
    }
  }
  return flags;
}

/** Every answer to the questionnaire's questions, in questionnaire order, as one text. */
function answerText(answers: Record<string, unknown>, names: string[]): string {
  const parts: string[] = [];
  for (const name of names) {
    const value = answers[name];
    parts.push(value === undefined ? "" : Array.isArray(value) ? value.join("\u0001") : String(value));
  }
  return parts.join("\u0002");
}
