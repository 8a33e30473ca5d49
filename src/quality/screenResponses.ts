import type { LoadedStudy } from "../study/types.ts";
import { checkInterviewers } from "./interviewers/checkInterviewers.ts";
import { defaultQualityConfig, type QualityConfig } from "./qualityConfig.ts";
import { attentionRule } from "./rules/attentionRule.ts";
import { duplicateRule } from "./rules/duplicateRule.ts";
import { gibberishRule } from "./rules/gibberishRule.ts";
import { incompleteRule } from "./rules/incompleteRule.ts";
import { inconsistentRule } from "./rules/inconsistentRule.ts";
import { ineligibleRule } from "./rules/ineligibleRule.ts";
import { nearDuplicateRule } from "./rules/nearDuplicateRule.ts";
import { exhaustivePairLimit } from "./rules/nearestMatches.ts";
import { speederRule } from "./rules/speederRule.ts";
import { straightlinerRule } from "./rules/straightlinerRule.ts";
import { createScreenContext } from "./screenContext.ts";
import { screenRows, subsetRows } from "./screenRows.ts";
import type { Flag, FlagVerdict, ScreenedResponse, ScreenResult } from "./types.ts";

/**
 * Runs every response rule and the interviewer checks. Ineligible responses get only their `ineligible`
 * flag: the other rules judge the eligible ones, so a screened-out respondent is never counted twice.
 * Pure: the same study, responses and configuration always give the same flags, in the same order.
 */
export function runScreen(
  study: LoadedStudy,
  responses: ScreenedResponse[],
  config: QualityConfig = defaultQualityConfig,
): ScreenResult {
  const context = createScreenContext(study, config);
  const known = responses.filter((response) => context.populations.has(response.population));
  const ineligible = ineligibleRule(known, context);
  const excluded = new Set(ineligible.map((flag) => flag.id));
  const eligible = known.filter((response) => !excluded.has(response.id));
  const incomplete = incompleteRule(eligible, context);
  const brokenOff = new Set(incomplete.map((flag) => flag.id));
  // A breakoff is short because it stopped, not because it sped, and breakoffs at one page share their
  // missing answers: durations and answer patterns are judged on complete responses.
  const rows = screenRows(eligible);
  const completedRows = subsetRows(rows, (row) => !brokenOff.has(eligible[row].id));
  const completed = completedRows.responses as ScreenedResponse[];
  const nearDuplicates = nearDuplicateRule(completed, context, exhaustivePairLimit, completedRows);
  const duplicates = duplicateRule(eligible, context, rows);
  const duplicated = new Set(duplicates.map((flag) => flag.id));
  const interviewers = checkInterviewers(eligible, context, rows);
  const fabricated = new Set(interviewers.flags.map((flag) => flag.id));
  const flags: Flag[] = [
    ...ineligible,
    ...incomplete,
    ...speederRule(completed, context, completedRows),
    ...straightlinerRule(eligible, context),
    ...attentionRule(eligible, context),
    ...duplicates,
    // The most specific verdict wins: an exact duplicate is not also reported as a near one, nor an invented
    // interview that resembles the same interviewer's other inventions.
    ...nearDuplicates.flags.filter((flag) => !duplicated.has(flag.id) && !fabricated.has(flag.id)),
    ...gibberishRule(eligible, context),
    ...inconsistentRule(eligible, context),
    ...interviewers.flags,
  ];
  const calibration: Record<string, number> = {};
  for (const [population, threshold] of Object.entries(nearDuplicates.thresholds))
    calibration[`near_duplicate.${population}`] = threshold;
  return { flags, interviewers: interviewers.verdicts, calibration };
}

/** The flags of every response (see runScreen), for callers that store them. */
export function screenResponses(
  study: LoadedStudy,
  responses: ScreenedResponse[],
  config: QualityConfig = defaultQualityConfig,
): Flag[] {
  return runScreen(study, responses, config).flags;
}

/** A reviewer's decision on one flag: `accept` confirms it, `override` sets it aside. Keyed "responseId rule". */
export type FlagDecisions = ReadonlyMap<string, "accept" | "override">;

/**
 * The valid responses: complete ones (a response read from a file has no status and counts as complete) with
 * no flag that excludes them. An `exclude` flag excludes unless a reviewer overrode it; a `review` flag only
 * when a reviewer accepted it.
 */
export function validResponses<T extends ScreenedResponse>(
  responses: T[],
  flags: readonly FlagVerdict[],
  decisions: FlagDecisions = new Map(),
): T[] {
  return validAmong(responses, excludedIds(flags, decisions));
}

/** The responses isValid keeps, for a caller that has the excluded ids already. */
export function validAmong<T extends ScreenedResponse>(responses: T[], excluded: ReadonlySet<string>): T[] {
  return responses.filter((response) => isValid(response, excluded));
}

/** The ids of the responses a flag excludes (see validResponses). */
export function excludedIds(flags: readonly FlagVerdict[], decisions: FlagDecisions): Set<string> {
  const excluded = new Set<string>();
  for (const flag of flags) {
    // Without decisions no key need be built: every `exclude` flag excludes and no `review` flag does.
    const decision = decisions.size > 0 ? decisions.get(`${flag.id} ${flag.rule}`) : undefined;
    if (flag.severity === "exclude" ? decision !== "override" : decision === "accept") excluded.add(flag.id);
  }
  return excluded;
}

/** Complete (or read from a file, without a status) and not excluded. */
export function isValid(response: ScreenedResponse, excluded: ReadonlySet<string>): boolean {
  return (response.status === undefined || response.status === "complete") && !excluded.has(response.id);
}
