import type { LoadedStudy } from "../types.ts";
import { indexQuestionnaire, type QuestionnaireIndex } from "./indexQuestionnaire.ts";
import { lintConcepts } from "./lintConcepts.ts";
import { lintExpressions } from "./lintExpressions.ts";
import { lintPopulations } from "./lintPopulations.ts";
import type { LintProblem } from "./lintProblem.ts";
import { lintQuestionnaireNames } from "./lintQuestionnaireNames.ts";
import { lintStudyDuplicates } from "./lintStudyDuplicates.ts";
import { lintStudyTranslations } from "./lintStudyTranslations.ts";
import { lintTranslations } from "./lintTranslations.ts";

/**
 * Checks a loaded study for what its shape check cannot see: missing translations, duplicate names,
 * expressions that do not parse or name unknown questions, site questions that do not match the sites,
 * and concepts whose questions do not mirror each other. Problems come study.json first, then each
 * questionnaire in the order of its population.
 */
export function lintStudy(study: LoadedStudy): LintProblem[] {
  const { definition } = study;
  const indexes = new Map<string, QuestionnaireIndex>();
  for (const population of definition.populations) {
    const questionnaire = study.questionnaires[population.id];
    if (questionnaire) indexes.set(population.id, indexQuestionnaire(questionnaire.json));
  }
  const problems: LintProblem[] = [
    ...lintStudyDuplicates(definition),
    ...lintStudyTranslations(definition),
    ...lintPopulations(study, indexes),
    ...lintConcepts(study, indexes),
  ];
  const linted = new Set<string>();
  for (const population of definition.populations) {
    const questionnaire = study.questionnaires[population.id];
    const index = indexes.get(population.id);
    if (!questionnaire || !index) continue;
    problems.push(...lintTranslations(questionnaire, index, population.languages));
    // Two populations may share one questionnaire: its own structure is checked once.
    if (linted.has(questionnaire.file)) continue;
    linted.add(questionnaire.file);
    problems.push(...lintQuestionnaireNames(questionnaire, index), ...lintExpressions(questionnaire, index));
  }
  return problems;
}

/** Counts problems by severity, for summary lines and exit codes. */
export function countProblems(problems: readonly LintProblem[]): { errors: number; warnings: number } {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}
