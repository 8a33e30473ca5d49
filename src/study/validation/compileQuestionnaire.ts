import { Model } from "survey-core";
import { ParallaxError } from "../../errors.ts";
import type { QuestionnaireJson } from "../types.ts";
import {
  type AnswerContext,
  type CompiledQuestion,
  type IssueSite,
  isOn,
  isOnIn,
  report,
} from "./compiledQuestion.ts";
import { compileQuestions } from "./compileQuestions.ts";
import { compileComputedValues } from "./computedValues.ts";
import type { CompileProblem, Values } from "./conditions.ts";
import { isEmptyAnswer } from "./isEmptyAnswer.ts";
import type { CompiledQuestionnaire, ValidateOptions } from "./types.ts";

/**
 * Compiles a questionnaire version once into a plain validator that checks a response as survey-core
 * would (required answers, validators, types, choices, visibility) without a survey-core Model per
 * response. Throws STUDY_INVALID, listing every problem, when the questionnaire uses what it cannot check.
 */
export function compileQuestionnaire(json: QuestionnaireJson): CompiledQuestionnaire {
  const problems: CompileProblem[] = [];
  const model = new Model(json);
  const questions = compileQuestions(json, model, problems);
  const computed = compileComputedValues(json, model, problems);
  if (problems.length > 0) {
    throw new ParallaxError(
      "STUDY_INVALID",
      "The questionnaire uses what the response validator cannot check",
      problems.map((problem) => ({ path: problem.path || "$", message: problem.message })),
    );
  }
  const byName = new Map(questions.map((question) => [question.name, question]));
  const commentKeys = new Map(
    questions
      .filter((question) => question.kind.commentAllowed)
      .map((question) => [`${question.answerKey}-Comment`, question]),
  );
  const knownKeys = new Set([
    ...questions.map((question) => question.answerKey),
    ...commentKeys.keys(),
    ...computed.keys,
  ]);
  const answerable = questions.filter((question) => question.kind.takesAnswer);
  const placed = questions.map(placeQuestion);

  const questionFor = (name: string) => {
    const question = byName.get(name);
    if (!question) throw new ParallaxError("NOT_FOUND", `No question "${name}" in this questionnaire`);
    return question;
  };

  return {
    validate(answers, options: ValidateOptions = {}) {
      const context: AnswerContext = {
        values: computed.apply(answers),
        conditionResults: new Map(),
        partial: options.partial === true,
        locale: options.locale,
        issues: [],
      };
      for (const key of Object.keys(answers)) {
        if (!knownKeys.has(key))
          report(context, { path: `answers.${key}`, name: key }, "is not a question of this questionnaire");
      }
      for (const question of placed) validateQuestion(question, answers, context);
      return context.issues;
    },
    isVisible: (name, answers) => isShown(questionFor(name), computed.apply(answers)),
    sampleAnswer: (name, answers, random) => questionFor(name).kind.sample(computed.apply(answers), random),
    questionNames: answerable.map((question) => question.name),
    questions: questions.map(({ name, answerKey, type, kind }) => ({
      name,
      answerKey,
      type,
      takesAnswer: kind.takesAnswer,
    })),
  };
}

function isShown(question: CompiledQuestion, values: Values): boolean {
  return question.visible.every((toggle) => isOn(toggle, values));
}

/** A question with the places its issues are reported at, worked out once rather than per response. */
interface PlacedQuestion {
  question: CompiledQuestion;
  site: IssueSite;
  commentKey: string;
  commentSite: IssueSite;
}

function placeQuestion(question: CompiledQuestion): PlacedQuestion {
  const commentKey = `${question.answerKey}-Comment`;
  return {
    question,
    site: { path: `answers.${question.answerKey}`, name: question.name },
    commentKey,
    commentSite: { path: `answers.${commentKey}`, name: question.name },
  };
}

function validateQuestion(
  { question, site, commentKey, commentSite }: PlacedQuestion,
  answers: Record<string, unknown>,
  context: AnswerContext,
): void {
  const value = answers[question.answerKey];
  const comment = question.kind.commentAllowed ? answers[commentKey] : undefined;
  const empty = isEmptyAnswer(value);
  if (!question.visible.every((toggle) => isOnIn(toggle, context))) {
    if (!empty) report(context, site, "was not shown to the respondent, so it cannot have an answer");
    if (!isEmptyAnswer(comment))
      report(context, commentSite, "was not shown to the respondent, so it cannot have a comment");
    return;
  }
  if (question.type === "expression") return;
  if (!empty && !question.kind.checkShape(value, site, context)) return;
  if (!isEmptyAnswer(comment)) {
    if (!question.kind.commentAllowed?.(value, context))
      report(context, commentSite, "takes no comment with this answer");
    else if (typeof comment !== "string") report(context, commentSite, "the comment must be text");
  }
  if (!question.editable.every((toggle) => isOnIn(toggle, context))) return;
  const before = context.issues.length;
  if (empty && !context.partial && isOnIn(question.required, context))
    report(context, site, "needs an answer");
  question.kind.checkRules(value, site, context);
  if (context.issues.length > before) return;
  for (const validator of question.validators) {
    if (empty && (!validator.runsOnEmpty || context.partial)) continue;
    const message = validator.check(value, context);
    if (message) report(context, site, message);
  }
}
