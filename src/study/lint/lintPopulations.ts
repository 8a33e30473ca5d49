import type { LoadedStudy, Population } from "../types.ts";
import { checkExpression } from "./checkExpression.ts";
import type { QuestionnaireIndex } from "./indexQuestionnaire.ts";
import { childPath } from "./jsonPath.ts";
import { expressionScope } from "./lintExpressions.ts";
import { type LintProblem, ProblemSink } from "./lintProblem.ts";
import { choiceValues } from "./questionChoices.ts";

/**
 * Checks what study.json says about each population against its questionnaire: the site question exists
 * and offers exactly the population's site ids; the eligibility rule parses and names existing questions,
 * and an ineligible respondent has a message to read.
 */
export function lintPopulations(
  study: LoadedStudy,
  indexes: ReadonlyMap<string, QuestionnaireIndex>,
  file = "study.json",
): LintProblem[] {
  const sites = new ProblemSink(file, "site-question");
  const eligibility = new ProblemSink(file, "eligibility");
  study.definition.populations.forEach((population, position) => {
    const path = childPath("$.populations", position);
    const questionnaire = study.questionnaires[population.id];
    const index = indexes.get(population.id);
    if (!questionnaire || !index) return;
    checkSiteQuestion(sites, population, index, path, questionnaire.file);
    if (population.eligibility !== undefined) {
      const scope = expressionScope(questionnaire, index);
      checkExpression(eligibility, childPath(path, "eligibility"), population.eligibility, scope);
      if (population.screenOutMessage === undefined) {
        eligibility.warning(path, "has an eligibility rule but no screenOutMessage for those it screens out");
      }
    }
  });
  return [...sites.problems, ...eligibility.problems];
}

function checkSiteQuestion(
  sink: ProblemSink,
  population: Population,
  index: QuestionnaireIndex,
  path: string,
  questionnaireFile: string,
): void {
  const questionPath = childPath(path, "siteQuestion");
  if (population.siteQuestion === undefined) {
    if (population.sites.length > 1) {
      sink.warning(path, "has several sites but no siteQuestion to place each respondent in one");
    }
    return;
  }
  const question = index.questions.get(population.siteQuestion);
  if (!question) {
    sink.error(questionPath, `question "${population.siteQuestion}" is not in ${questionnaireFile}`);
    return;
  }
  const values = choiceValues(question.json);
  if (!values || question.json.type === "checkbox" || question.json.type === "tagbox") {
    sink.error(
      questionPath,
      `"${population.siteQuestion}" must be a single-choice question with choices written out`,
    );
    return;
  }
  const siteIds = population.sites.map((site) => site.id);
  for (const id of siteIds) {
    if (!values.includes(id))
      sink.error(questionPath, `site "${id}" is not a choice of "${population.siteQuestion}"`);
  }
  for (const value of values) {
    if (!siteIds.includes(value)) {
      sink.error(
        questionPath,
        `choice "${value}" of "${population.siteQuestion}" is not a site of ${population.id}`,
      );
    }
  }
}
