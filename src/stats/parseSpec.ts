import { ParallaxError } from "../errors.ts";
import type { CalibrationSpec, EstimateSpec, StatsSpec, TrimSpec } from "./specTypes.ts";

type Json = Record<string, unknown>;

const ESTIMATE_TYPES = [
  "mean",
  "total",
  "proportion",
  "multiselect",
  "ranking",
  "topbox",
  "chisq",
  "difference",
];
const CI_METHODS = ["logit", "xlogit", "mean", "beta", "asin", "wilson"];

/** Checks a parsed JSON spec and returns it typed; every problem names its key. */
export function parseSpec(value: unknown): StatsSpec {
  const spec = object(value, "spec");
  allowOnly(spec, ["design", "calibrate", "trim", "estimates"], "spec");
  const design = object(spec.design, "design");
  allowOnly(design, ["weights", "strata", "ids", "fpc", "nest", "lonelyPsu"], "design");
  for (const key of ["weights", "strata", "lonelyPsu"]) optionalString(design, key, "design");
  for (const key of ["ids", "fpc"]) optionalStrings(design, key, "design");
  if (design.nest !== undefined && typeof design.nest !== "boolean")
    fail("design.nest", "must be true or false");
  if (!Array.isArray(spec.estimates)) fail("estimates", "must be an array");
  const ids = new Set<string>();
  const estimates = spec.estimates.map((entry, index) => {
    const path = `estimates[${index}]`;
    const estimate = checkEstimate(object(entry, path), path);
    if (ids.has(estimate.id)) fail(`${path}.id`, `duplicate id ${estimate.id}`);
    ids.add(estimate.id);
    return estimate;
  });
  return {
    design: design as StatsSpec["design"],
    calibrate:
      spec.calibrate === undefined ? undefined : checkCalibration(object(spec.calibrate, "calibrate")),
    trim: spec.trim === undefined ? undefined : checkTrim(object(spec.trim, "trim")),
    estimates,
  };
}

function checkCalibration(calibrate: Json): CalibrationSpec {
  allowOnly(calibrate, ["method", "epsilon", "maxit", "partial", "margins"], "calibrate");
  if (calibrate.method !== "rake" && calibrate.method !== "poststratify")
    fail("calibrate.method", 'must be "rake" or "poststratify"');
  optionalNumber(calibrate, "epsilon", "calibrate");
  optionalNumber(calibrate, "maxit", "calibrate");
  if (!Array.isArray(calibrate.margins) || calibrate.margins.length === 0)
    fail("calibrate.margins", "must be a non-empty array");
  if (calibrate.method === "poststratify" && calibrate.margins.length !== 1) {
    fail(
      "calibrate.margins",
      "post-stratification takes one margin (cross the variables into one column for several)",
    );
  }
  calibrate.margins.forEach((entry, index) => {
    const path = `calibrate.margins[${index}]`;
    const margin = object(entry, path);
    requiredString(margin, "variable", path);
    const targets = object(margin.targets, `${path}.targets`);
    for (const [level, target] of Object.entries(targets)) {
      if (typeof target !== "number") fail(`${path}.targets.${level}`, "must be a number");
    }
  });
  return calibrate as unknown as CalibrationSpec;
}

function checkTrim(trim: Json): TrimSpec {
  allowOnly(trim, ["upper", "lower", "strict"], "trim");
  optionalNumber(trim, "upper", "trim");
  optionalNumber(trim, "lower", "trim");
  return trim as TrimSpec;
}

function checkEstimate(estimate: Json, path: string): EstimateSpec {
  requiredString(estimate, "id", path);
  if (typeof estimate.type !== "string" || !ESTIMATE_TYPES.includes(estimate.type)) {
    fail(`${path}.type`, `must be one of ${ESTIMATE_TYPES.join(", ")}`);
  }
  if (estimate.type === "chisq") {
    requiredString(estimate, "rows", path);
    requiredString(estimate, "cols", path);
    if (estimate.statistic !== undefined && estimate.statistic !== "F" && estimate.statistic !== "Chisq") {
      fail(`${path}.statistic`, 'must be "F" or "Chisq"');
    }
    return estimate as EstimateSpec;
  }
  if (estimate.type === "difference") {
    requiredString(estimate, "variable", path);
    requiredString(estimate, "by", path);
    optionalString(estimate, "level", path);
    const levels = estimate.levels;
    if (!Array.isArray(levels) || levels.length !== 2 || levels.some((level) => typeof level !== "string")) {
      fail(`${path}.levels`, "must be two level names");
    }
    return estimate as EstimateSpec;
  }
  if (estimate.type === "multiselect" || estimate.type === "ranking") {
    optionalString(estimate, "variable", path);
    optionalStrings(estimate, "variables", path);
    if (estimate.variable === undefined && estimate.variables === undefined)
      fail(`${path}.variables`, "name a group or its columns");
  } else {
    requiredString(estimate, "variable", path);
  }
  if (estimate.by !== undefined && typeof estimate.by !== "string") optionalStrings(estimate, "by", path);
  if (estimate.ci !== undefined && (typeof estimate.ci !== "string" || !CI_METHODS.includes(estimate.ci))) {
    fail(`${path}.ci`, `must be one of ${CI_METHODS.join(", ")}`);
  }
  optionalNumber(estimate, "level", path);
  if (typeof estimate.level === "number" && !(estimate.level > 0 && estimate.level < 1))
    fail(`${path}.level`, "must be between 0 and 1");
  if (estimate.type === "topbox") optionalStrings(estimate, "levels", path);
  return estimate as EstimateSpec;
}

function object(value: unknown, path: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "must be an object");
  return value as Json;
}

function allowOnly(value: Json, keys: string[], path: string): void {
  for (const key of Object.keys(value))
    if (!keys.includes(key)) fail(`${path}.${key}`, `unknown key (allowed: ${keys.join(", ")})`);
}

function requiredString(value: Json, key: string, path: string): void {
  if (typeof value[key] !== "string" || value[key] === "")
    fail(`${path}.${key}`, "must be a non-empty string");
}

function optionalString(value: Json, key: string, path: string): void {
  if (value[key] !== undefined) requiredString(value, key, path);
}

function optionalNumber(value: Json, key: string, path: string): void {
  if (value[key] !== undefined && (typeof value[key] !== "number" || !Number.isFinite(value[key])))
    fail(`${path}.${key}`, "must be a number");
}

function optionalStrings(value: Json, key: string, path: string): void {
  const list = value[key];
  if (list === undefined) return;
  if (!Array.isArray(list) || list.some((item) => typeof item !== "string"))
    fail(`${path}.${key}`, "must be an array of column names");
}

function fail(path: string, message: string): never {
  throw new ParallaxError("SPEC_INVALID", `Invalid spec at ${path}: ${message}`, [{ path, message }]);
}
