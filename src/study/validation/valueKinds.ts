import { type AnswerKind, describeValue, pick, report } from "./compiledQuestion.ts";
import type { TextRules } from "./textRules.ts";

/** text: one input with its type, format and limits. */
export function textKind(rules: TextRules, hasCommentArea: boolean): AnswerKind {
  return {
    takesAnswer: true,
    checkShape: rules.checkShape,
    checkRules: rules.checkRules,
    commentAllowed: () => hasCommentArea,
    sample: rules.sample,
  };
}

/** comment: free text within the length limit. */
export function commentKind(maxLength: number | null): AnswerKind {
  return {
    takesAnswer: true,
    checkShape(value, at, context) {
      if (typeof value !== "string") report(context, at, "must be text");
      else if (maxLength !== null && value.length > maxLength) {
        report(context, at, `must be at most ${maxLength} characters long`);
      } else return true;
      return false;
    },
    checkRules: () => undefined,
    sample: (_values, random) => pick(["Una respuesta abierta.", "An open answer.", "开放式回答。"], random),
  };
}

/** boolean and rating: one of a fixed list of values. */
export function fixedValuesKind(allowed: unknown[], hasCommentArea: boolean): AnswerKind {
  const listed = allowed.map(describeValue).join(", ");
  return {
    takesAnswer: true,
    checkShape(value, at, context) {
      if (allowed.includes(value)) return true;
      report(context, at, `${describeValue(value)} is not one of ${listed}`);
      return false;
    },
    checkRules: () => undefined,
    commentAllowed: () => hasCommentArea,
    sample: (_values, random) => pick(allowed, random),
  };
}

/**
 * expression: survey-core computes its value and puts it among the answers, so a submission may carry
 * it; conditions see the value recomputed here, never the submitted one.
 */
export function expressionKind(): AnswerKind {
  return {
    takesAnswer: false,
    checkShape: () => true,
    checkRules: () => undefined,
    sample: () => undefined,
  };
}

/** html and image: nothing to answer, so any answer is an error. */
export function displayKind(): AnswerKind {
  return {
    takesAnswer: false,
    checkShape(_value, at, context) {
      report(context, at, "shows content and takes no answer");
      return false;
    },
    checkRules: () => undefined,
    sample: () => undefined,
  };
}
