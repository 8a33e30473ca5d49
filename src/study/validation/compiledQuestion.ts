import type { Condition, Values } from "./conditions.ts";
import type { ValidationIssue } from "./types.ts";

/** What one validation run carries from question to question. */
export interface AnswerContext {
  /** The answers plus computed values (expression questions, calculated values), for conditions. */
  values: Values;
  /**
   * Results of the conditions already run over `values` in this run, by expression: pages and panels repeat
   * their visibleIf in every question they hold, and survey-core's engine is the dearest part of a check.
   */
  conditionResults: Map<string, boolean>;
  partial: boolean;
  locale: string | undefined;
  issues: ValidationIssue[];
}

/** How one question type checks its answer. Every method may assume the question was shown. */
export interface AnswerKind {
  /** False for html, image and expression: no answer is expected from the respondent. */
  takesAnswer: boolean;
  /** The type and choices of a non-empty answer; returns false when the answer is unusable. */
  checkShape(value: unknown, at: IssueSite, context: AnswerContext): boolean;
  /** survey-core's own type rules beyond "required" (other text, limits, counts, rows); value may be empty. */
  checkRules(value: unknown, at: IssueSite, context: AnswerContext): void;
  /** Whether `<name>-Comment` may hold text, given this answer; undefined when it never may. */
  commentAllowed?(value: unknown, context: AnswerContext): boolean;
  /** A valid answer, given the answers so far (choices may depend on them). */
  sample(values: Values, random: () => number): unknown;
}

/** A property that is fixed, or decided by the answers through its *If expression. */
export type Toggle = boolean | Condition;

export function isOn(toggle: Toggle, values: Values): boolean {
  return typeof toggle === "boolean" ? toggle : toggle.run(values);
}

/** Whether a condition holds over the run's values, running each distinct expression once per run. */
export function holds(condition: Condition, context: AnswerContext): boolean {
  const known = context.conditionResults.get(condition.expression);
  if (known !== undefined) return known;
  const result = condition.run(context.values);
  context.conditionResults.set(condition.expression, result);
  return result;
}

/** `isOn` over the run's values, through the run's memo of condition results. */
export function isOnIn(toggle: Toggle, context: AnswerContext): boolean {
  return typeof toggle === "boolean" ? toggle : holds(toggle, context);
}

/** A question compiled from the questionnaire: everything validation needs, no survey-core Model. */
export interface CompiledQuestion {
  name: string;
  type: string;
  answerKey: string;
  /** Shown when all are on: its own visibility, then its panels' and page's. */
  visible: Toggle[];
  /** Editable when all are on (readOnly/enableIf here and around); survey-core skips checks otherwise. */
  editable: Toggle[];
  required: Toggle;
  kind: AnswerKind;
  validators: AnswerValidator[];
}

export interface AnswerValidator {
  /** Whether it runs on an empty answer (survey-core's expression validator does). */
  runsOnEmpty: boolean;
  /** The error message (without the question name) or undefined when the value passes. */
  check(value: unknown, context: AnswerContext): string | undefined;
}

/** Where an issue is reported: the answer's path and the question's name for the message. */
export interface IssueSite {
  path: string;
  name: string;
}

export function report(context: AnswerContext, at: IssueSite, message: string): void {
  context.issues.push({ path: at.path, message: `"${at.name}": ${message}` });
}

export function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}

/** "1 choice", "3 choices". */
export function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? "" : "s"}`;
}
