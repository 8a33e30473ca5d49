import { type ErrorDetail, ParallaxError } from "../errors.ts";
import { defaultQualityConfig, type QualityConfig } from "./qualityConfig.ts";

type Json = unknown;

/**
 * Reads a quality configuration (the parsed quality.json of a study) over the defaults: every key is
 * optional, unknown keys and wrong types are errors, each named by its JSON path in `file`.
 */
export function parseQualityConfig(json: Json, file = "quality.json"): QualityConfig {
  const problems: ErrorDetail[] = [];
  const merged = mergeOver(defaultQualityConfig, json, "$", problems) as QualityConfig;
  checkLists(merged, problems);
  if (problems.length > 0) {
    throw new ParallaxError(
      "STUDY_INVALID",
      `The quality configuration ${file} is invalid`,
      problems.map((problem) => ({ path: `${file}: ${problem.path}`, message: problem.message })),
    );
  }
  return merged;
}

function mergeOver(base: Json, value: Json, path: string, problems: ErrorDetail[]): Json {
  if (value === undefined) return base;
  if (Array.isArray(base)) {
    if (!Array.isArray(value)) problems.push({ path, message: "must be a list" });
    return Array.isArray(value) ? value : base;
  }
  if (isObject(base)) {
    if (!isObject(value)) {
      problems.push({ path, message: "must be an object" });
      return base;
    }
    const result: Record<string, Json> = { ...base };
    for (const [key, child] of Object.entries(value)) {
      if (!(key in base)) problems.push({ path: `${path}.${key}`, message: "is not a setting" });
      else result[key] = mergeOver(base[key], child, `${path}.${key}`, problems);
    }
    return result;
  }
  if (typeof value !== typeof base) {
    problems.push({ path, message: `must be a ${typeof base}` });
    return base;
  }
  if (path.endsWith(".severity") && value !== "exclude" && value !== "review")
    problems.push({ path, message: 'must be "exclude" or "review"' });
  if (typeof value === "number" && (!Number.isFinite(value) || value < 0))
    problems.push({ path, message: "must be a number ≥ 0" });
  return value;
}

function checkLists(config: QualityConfig, problems: ErrorDetail[]): void {
  const rules = config.rules;
  rules.straightliner.grids.forEach((grid, index) => {
    if (!isStringList(grid?.questions) || grid.questions.length < 2)
      problems.push({
        path: `$.rules.straightliner.grids[${index}].questions`,
        message: "needs 2+ question names",
      });
  });
  rules.attention.checks.forEach((check, index) => {
    const at = `$.rules.attention.checks[${index}]`;
    if (typeof check?.question !== "string")
      problems.push({ path: `${at}.question`, message: "must be a name" });
    if (!isStringList(check?.expected) || check.expected.length === 0)
      problems.push({ path: `${at}.expected`, message: "needs the expected answers" });
  });
  rules.inconsistent.pairs.forEach((pair, index) => {
    const at = `$.rules.inconsistent.pairs[${index}]`;
    if (typeof pair?.id !== "string") problems.push({ path: `${at}.id`, message: "must be a string" });
    for (const side of ["first", "second"] as const) {
      const condition = pair?.[side];
      if (typeof condition?.question !== "string")
        problems.push({ path: `${at}.${side}.question`, message: "must be a question name" });
      else if (condition.values === undefined && condition.min === undefined && condition.max === undefined)
        problems.push({ path: `${at}.${side}`, message: "needs values, min or max" });
    }
    if (!isObject(pair?.description) || typeof pair.description.en !== "string")
      problems.push({ path: `${at}.description`, message: "needs a text per language, at least en" });
  });
  if (!["site", "population"].includes(rules.near_duplicate.scope))
    problems.push({ path: "$.rules.near_duplicate.scope", message: 'must be "site" or "population"' });
  const interviewers = config.interviewers;
  for (const key of [
    "scaleQuestions",
    "nonResponseValues",
    "otherValues",
    "digitQuestions",
    "benfordQuestions",
  ] as const) {
    if (!isStringList(interviewers[key]))
      problems.push({ path: `$.interviewers.${key}`, message: "must be a list of strings" });
  }
  if (interviewers.distanceQuantile <= 0 || interviewers.distanceQuantile >= 1)
    problems.push({ path: "$.interviewers.distanceQuantile", message: "must be between 0 and 1" });
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringList(value: Json): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
