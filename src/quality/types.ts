import type { LocalizedText } from "../study/types.ts";

/** One response as the quality screen sees it: the submission plus where and by whom it was collected. */
export interface ScreenedResponse {
  id: string;
  population: string;
  site?: string | null;
  language: string;
  mode: string;
  /** "complete" or "screened_out"; complete when absent. */
  status?: string;
  /** The interviewer's id, for face-to-face interviews. */
  interviewer?: string | null;
  answers: Record<string, unknown>;
  paradata: Record<string, unknown>;
}

export const ruleNames = [
  "incomplete",
  "ineligible",
  "speeder",
  "straightliner",
  "attention",
  "duplicate",
  "near_duplicate",
  "gibberish",
  "inconsistent",
  "fabricated",
] as const;

export type RuleName = (typeof ruleNames)[number];

/** "exclude" removes the response from the valid set; "review" keeps it but asks a person to look. */
export type Severity = "exclude" | "review";

export interface Flag {
  /** The response flagged. */
  id: string;
  rule: RuleName;
  severity: Severity;
  /** Why, in every study language (zh-cn, es, pt, en), with the figures that decided it. */
  reason: LocalizedText;
  /** The figures behind the reason, for tables and audits. */
  evidence: Record<string, number | string>;
}

/** What validity depends on: which response, which rule, how severe (see excludedIds). */
export type FlagVerdict = Pick<Flag, "id" | "rule" | "severity">;

/** A whole interviewer judged by the interviewer checks. */
export interface InterviewerVerdict {
  interviewer: string;
  population: string;
  interviews: number;
  /** Robust Mahalanobis distance of the interviewer's indicators from the other interviewers'. */
  distance: number;
  threshold: number;
  flagged: boolean;
  /** Standardised indicator values (robust z-scores), by indicator name. */
  indicators: Record<string, number>;
  /** The indicators that drove a flag, largest first. */
  drivers: string[];
}

export interface ScreenResult {
  flags: Flag[];
  interviewers: InterviewerVerdict[];
  /** Thresholds the screen calibrated from the data, by rule and population, for the summary. */
  calibration: Record<string, number>;
}
