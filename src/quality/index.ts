export { detectGibberish } from "./detectGibberish.ts";
export { benfordDeviation, roundLastDigitExcess } from "./interviewers/digitTests.ts";
export { parseQualityConfig } from "./parseQualityConfig.ts";
export type { AnswerCondition, ContradictingPair, GridConfig, QualityConfig } from "./qualityConfig.ts";
export { defaultQualityConfig } from "./qualityConfig.ts";
export { type FlagDecisions, runScreen, screenResponses, validResponses } from "./screenResponses.ts";
export type { RuleSummary, ScreenSummary, SiteSummary } from "./summarizeScreen.ts";
export { summarizeScreen } from "./summarizeScreen.ts";
export type {
  Flag,
  FlagVerdict,
  InterviewerVerdict,
  RuleName,
  ScreenedResponse,
  ScreenResult,
  Severity,
} from "./types.ts";
export { ruleNames } from "./types.ts";
