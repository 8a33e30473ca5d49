import { Helpers, type QuestionTextModel } from "survey-core";
import { type AnswerContext, type IssueSite, pick, report } from "./compiledQuestion.ts";
import {
  type CompileProblem,
  compileValueExpression,
  type ValueExpression,
  type Values,
} from "./conditions.ts";

/** The checks of one text input (a text question, or one item of a multiple text question). */
export interface TextRules {
  checkShape(value: unknown, at: IssueSite, context: AnswerContext): boolean;
  checkRules(value: unknown, at: IssueSite, context: AnswerContext): void;
  sample(values: Values, random: () => number): unknown;
}

const numericTypes = new Set(["number", "range"]);
const dateTypes = new Set(["date", "datetime-local"]);
// survey-core compares these input types against min and max.
const limitedTypes = new Set(["number", "range", "date", "datetime-local", "month", "time", "week"]);
// settings.maxDate: survey-core caps dates there when no max is given.
const latestDate = "2999-12-31";

const formats: Record<string, { pattern: RegExp; describe: string; sample: string }> = {
  date: { pattern: /^\d{4}-\d{2}-\d{2}$/, describe: "a date (YYYY-MM-DD)", sample: "1990-06-15" },
  "datetime-local": {
    pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/,
    describe: "a date and time (YYYY-MM-DDTHH:MM)",
    sample: "2024-05-01T12:30",
  },
  time: { pattern: /^\d{2}:\d{2}(:\d{2})?$/, describe: "a time (HH:MM)", sample: "12:30" },
  month: { pattern: /^\d{4}-\d{2}$/, describe: "a month (YYYY-MM)", sample: "2024-05" },
  week: { pattern: /^\d{4}-W\d{2}$/, describe: "a week (YYYY-Www)", sample: "2024-W10" },
  color: { pattern: /^#[0-9a-fA-F]{6}$/, describe: "a colour (#rrggbb)", sample: "#336699" },
};

const textSamples: Record<string, string> = {
  email: "respondent@example.org",
  tel: "+1 555 0100",
  url: "https://example.org",
};

/** Compiles the rules survey-core applies to a text input: type, format, min/max, step and length. */
export function compileTextRules(
  editor: QuestionTextModel,
  path: string,
  problems: CompileProblem[],
): TextRules {
  const inputType = editor.inputType || "text";
  const numeric = numericTypes.has(inputType);
  const format = formats[inputType];
  const maxLength = numeric ? null : editor.getMaxLength();
  const limited = limitedTypes.has(inputType) && editor.maskType === "none";
  const minimum = limitBound(editor.min, editor.minValueExpression, `${path}.minValueExpression`, problems);
  const maximum = limitBound(editor.max, editor.maxValueExpression, `${path}.maxValueExpression`, problems);
  const step = numeric && Helpers.isNumber(editor.step) ? Helpers.getNumber(editor.step) : undefined;
  if (editor.maskType && editor.maskType !== "none") {
    problems.push({ path, message: `input masks ("maskType": "${editor.maskType}") are not supported` });
  }
  const bound = (limit: Bound, values: Values, fallback?: string) => {
    const found = limit(values);
    return found === undefined || found === null || found === "" ? fallback : found;
  };

  return {
    checkShape(value, at, context) {
      if (numeric) {
        if (typeof value === "number" && Number.isFinite(value)) return true;
        report(context, at, "must be a number");
        return false;
      }
      if (typeof value !== "string") {
        report(context, at, "must be text");
        return false;
      }
      if (format && !(format.pattern.test(value) && isRealDate(inputType, value))) {
        report(context, at, `must be ${format.describe}`);
        return false;
      }
      if (maxLength !== null && value.length > maxLength) {
        report(context, at, `must be at most ${maxLength} characters long`);
        return false;
      }
      return true;
    },
    checkRules(value, at, context) {
      if (!limited || Helpers.isValueEmpty(value)) return;
      const latest = dateTypes.has(inputType) ? latestDate : undefined;
      const low = bound(minimum, context.values);
      const high = bound(maximum, context.values, latest);
      if (low !== undefined && compare(inputType, value, low) < 0)
        report(context, at, `must be at least ${describeLimit(low)}`);
      if (high !== undefined && compare(inputType, value, high) > 0)
        report(context, at, `must be at most ${describeLimit(high)}`);
      if (step !== undefined && inputType === "number" && isOffStep(Number(value), step)) {
        report(context, at, `must be a multiple of ${step}`);
      }
    },
    sample(values, random) {
      if (numeric) return sampleNumber(bound(minimum, values), bound(maximum, values), step, random);
      if (format) return format.sample;
      const text = textSamples[inputType] ?? pick(["yes", "sample answer", "otro", "答案"], random);
      return maxLength !== null ? text.slice(0, maxLength) : text;
    },
  };
}

type Bound = (values: Values) => unknown;

function limitBound(fixed: unknown, expression: string, path: string, problems: CompileProblem[]): Bound {
  if (typeof expression === "string" && expression.trim()) {
    const runner: ValueExpression = compileValueExpression(expression, path, problems);
    return (values) => runner.run(values);
  }
  return () => fixed;
}

function compare(inputType: string, value: unknown, limit: unknown): number {
  if (dateTypes.has(inputType)) return asTime(value) - asTime(limit);
  if (numericTypes.has(inputType)) return Number(value) - Number(limit);
  const [left, right] = [String(value), String(limit)];
  return left < right ? -1 : left > right ? 1 : 0;
}

/** survey-core reads a date without a time as local midnight; so do we, on both sides. */
function asTime(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const text = String(value);
  return new Date(text.includes("T") ? text : `${text}T00:00:00`).getTime();
}

/** Rejects 2024-02-30 and the like, which Date would quietly roll over. */
function isRealDate(inputType: string, value: string): boolean {
  if (!dateTypes.has(inputType)) return true;
  const [year, month, day] = value.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function describeLimit(limit: unknown): string {
  return limit instanceof Date ? limit.toISOString().slice(0, 10) : String(limit);
}

/** survey-core's step check: scale both to integers, then test divisibility. */
function isOffStep(value: number, step: number): boolean {
  let scale = 1;
  while (
    (Math.round(step * scale) / scale !== step || Math.round(value * scale) / scale !== value) &&
    scale < 1e6
  ) {
    scale *= 10;
  }
  const scaledStep = Math.round(step * scale);
  return scaledStep > 0 && Math.round(value * scale) % scaledStep !== 0;
}

function sampleNumber(low: unknown, high: unknown, step: number | undefined, random: () => number): number {
  const from = Helpers.isNumber(low) ? Helpers.getNumber(low) : 0;
  const to = Helpers.isNumber(high) ? Helpers.getNumber(high) : from + 100;
  const unit = step ?? 1;
  const first = Math.ceil(from / unit);
  const count = Math.max(1, Math.floor(to / unit) - first + 1);
  return (first + Math.floor(random() * count)) * unit;
}
