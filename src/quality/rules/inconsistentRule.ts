import { makeFlag } from "../makeFlag.ts";
import type { AnswerCondition } from "../qualityConfig.ts";
import { reasons } from "../reasons.ts";
import type { ScreenContext } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/** Whether an answer meets a condition: one of the values (any ticked, for a checkbox), or a number in range. */
export function meetsCondition(answers: Record<string, unknown>, condition: AnswerCondition): boolean {
  const value = answers[condition.question];
  if (value === undefined || value === null || value === "") return false;
  if (condition.values) {
    const given = Array.isArray(value) ? value.map(String) : [String(value)];
    if (!given.some((item) => condition.values?.includes(item))) return false;
  }
  if (condition.min !== undefined || condition.max !== undefined) {
    const number = Number(value);
    if (!Number.isFinite(number)) return false;
    if (condition.min !== undefined && number < condition.min) return false;
    if (condition.max !== undefined && number > condition.max) return false;
  }
  return true;
}

/** Configured pairs of answers that cannot both be true of one person. */
export function inconsistentRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const { severity, pairs } = context.config.rules.inconsistent;
  const flags: Flag[] = [];
  for (const response of responses) {
    const pair = pairs.find(
      (candidate) =>
        (candidate.population === undefined || candidate.population === response.population) &&
        meetsCondition(response.answers, candidate.first) &&
        meetsCondition(response.answers, candidate.second),
    );
    if (pair)
      flags.push(
        makeFlag(response, "inconsistent", severity, reasons.inconsistent(pair.id, pair.description), {
          pair: pair.id,
        }),
      );
  }
  return flags;
}
