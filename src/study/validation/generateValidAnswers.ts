import type { CompiledQuestionnaire } from "./types.ts";

const rounds = 6;
const attemptsPerQuestion = 20;

/**
 * Answers every question a respondent would be shown, with values drawn from the questionnaire itself
 * (choices, limits, formats), retrying a question whose answer a validator rejects. For test responses and
 * demos; the result is checked by the caller with `validate`, since a validator may reject every sample.
 */
export function generateValidAnswers(
  questionnaire: CompiledQuestionnaire,
  random: () => number,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    for (const name of questionnaire.questionNames) {
      const key = answerKeyOf(questionnaire, name);
      const shown = questionnaire.isVisible(name, answers);
      if (!shown && key in answers) {
        delete answers[key];
        changed = true;
      } else if (shown && !(key in answers)) {
        answers[key] = questionnaire.sampleAnswer(name, answers, random);
        changed = true;
      }
    }
    changed = retryRejected(questionnaire, answers, random) || changed;
    if (!changed) break;
  }
  return answers;
}

function retryRejected(
  questionnaire: CompiledQuestionnaire,
  answers: Record<string, unknown>,
  random: () => number,
): boolean {
  let changed = false;
  for (const name of questionnaire.questionNames) {
    const key = answerKeyOf(questionnaire, name);
    if (!(key in answers)) continue;
    for (let attempt = 0; attempt < attemptsPerQuestion && rejects(questionnaire, answers, key); attempt++) {
      answers[key] = questionnaire.sampleAnswer(name, answers, random);
      changed = true;
    }
  }
  return changed;
}

function rejects(
  questionnaire: CompiledQuestionnaire,
  answers: Record<string, unknown>,
  key: string,
): boolean {
  const path = `answers.${key}`;
  return questionnaire
    .validate(answers)
    .some(
      (issue) =>
        issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
    );
}

function answerKeyOf(questionnaire: CompiledQuestionnaire, name: string): string {
  return questionnaire.questions.find((question) => question.name === name)?.answerKey ?? name;
}
