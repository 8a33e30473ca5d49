import type { Question, SurveyModel } from "survey-core";
import { compileAnswerKind } from "./compileAnswerKind.ts";
import type { CompiledQuestion, Toggle } from "./compiledQuestion.ts";
import { compileValidators, emailValidator } from "./compileValidators.ts";
import { type CompileProblem, optionalCondition } from "./conditions.ts";

type Json = Record<string, unknown>;

interface Surroundings {
  visible: Toggle[];
  editable: Toggle[];
}

/**
 * Walks the questionnaire JSON (pages, panels, questions) and compiles each question. The loaded
 * survey-core Model supplies property values as survey-core reads them (defaults, aliases such as
 * hasOther → showOtherItem); the JSON supplies the properties that *If expressions change at run time.
 */
export function compileQuestions(
  json: Json,
  model: SurveyModel,
  problems: CompileProblem[],
): CompiledQuestion[] {
  const questions: CompiledQuestion[] = [];
  const surveyEditable = json.readOnly !== true && json.mode !== "display";
  const pages = Array.isArray(json.pages) ? (json.pages as Json[]) : [{ elements: json.elements }];
  const pagesPath = Array.isArray(json.pages) ? "pages" : undefined;
  pages.forEach((page, index) => {
    const path = pagesPath ? `${pagesPath}[${index}]` : "";
    const around = enclose({ visible: [], editable: surveyEditable ? [] : [false] }, page, path, problems);
    walk(page.elements, `${path ? `${path}.` : ""}elements`, around, model, questions, problems);
  });
  return questions;
}

function walk(
  elements: unknown,
  path: string,
  around: Surroundings,
  model: SurveyModel,
  questions: CompiledQuestion[],
  problems: CompileProblem[],
): void {
  if (elements === undefined) return;
  if (!Array.isArray(elements)) {
    problems.push({ path, message: "must be a list of elements" });
    return;
  }
  elements.forEach((element: Json, index) => {
    const at = `${path}[${index}]`;
    if (element?.type === "panel") {
      walk(
        element.elements,
        `${at}.elements`,
        enclose(around, element, at, problems),
        model,
        questions,
        problems,
      );
      return;
    }
    const question = typeof element?.name === "string" ? model.getQuestionByName(element.name) : null;
    if (!question) {
      problems.push({
        path: at,
        message: `is not a question survey-core can load (type "${String(element?.type)}")`,
      });
      return;
    }
    const compiled = compileQuestion(question, element, at, around, problems);
    if (!compiled) return;
    const clash = questions.find((other) => other.answerKey === compiled.answerKey);
    if (clash)
      problems.push({
        path: at,
        message: `stores its answer under "${compiled.answerKey}" as "${clash.name}" does`,
      });
    questions.push(compiled);
  });
}

function compileQuestion(
  question: Question,
  json: Json,
  path: string,
  around: Surroundings,
  problems: CompileProblem[],
): CompiledQuestion | undefined {
  const kind = compileAnswerKind(question, json, path, problems);
  if (!kind) return undefined;
  const validators = compileValidators(question.validators, json.validators, path, problems);
  const autoEmail =
    question.getType() === "text" && (question as { inputType?: string }).inputType === "email";
  if (autoEmail && !question.validators.some((validator) => validator.getType() === "emailvalidator")) {
    validators.unshift(emailValidator());
  }
  const own = enclose(around, json, path, problems);
  return {
    name: question.name,
    type: question.getType(),
    answerKey: question.getValueName(),
    visible: own.visible,
    editable: own.editable,
    required: optionalCondition(json.requiredIf, `${path}.requiredIf`, problems) ?? json.isRequired === true,
    kind,
    validators,
  };
}

/** An element's own visibility and editability, added to those around it (visibleIf overrides visible). */
function enclose(around: Surroundings, json: Json, path: string, problems: CompileProblem[]): Surroundings {
  const visibleIf = optionalCondition(json.visibleIf, `${path}.visibleIf`, problems);
  const enableIf = optionalCondition(json.enableIf, `${path}.enableIf`, problems);
  return {
    visible: withToggle(visibleIf ?? json.visible !== false, around.visible),
    editable: withToggle(enableIf ?? json.readOnly !== true, around.editable),
  };
}

/** A toggle that is always on changes nothing, so it is left out of the list evaluated per response. */
function withToggle(toggle: Toggle, others: Toggle[]): Toggle[] {
  return toggle === true ? others : [toggle, ...others];
}
