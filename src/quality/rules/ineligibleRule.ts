import { makeFlag } from "../makeFlag.ts";
import { reasons } from "../reasons.ts";
import type { ScreenContext } from "../screenContext.ts";
import type { Flag, ScreenedResponse } from "../types.ts";

/** Screened out at the door, or answers that do not meet the population's eligibility rule. */
export function ineligibleRule(responses: ScreenedResponse[], context: ScreenContext): Flag[] {
  const { severity } = context.config.rules.ineligible;
  const flags: Flag[] = [];
  for (const response of responses) {
    if (response.status !== "screened_out" && context.isEligible(response)) continue;
    const rule = context.populations.get(response.population)?.population.eligibility ?? "";
    flags.push(
      makeFlag(response, "ineligible", severity, reasons.ineligible(rule), { status: response.status ?? "" }),
    );
  }
  return flags;
}
