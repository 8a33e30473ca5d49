import type { LocalizedText } from "../study/types.ts";
import type { Flag, RuleName, ScreenedResponse, Severity } from "./types.ts";

export function makeFlag(
  response: ScreenedResponse,
  rule: RuleName,
  severity: Severity,
  reason: LocalizedText,
  evidence: Record<string, number | string> = {},
): Flag {
  return { id: response.id, rule, severity, reason, evidence };
}
