import type { StudyDefinition } from "../types.ts";
import { checkLocalizedText, type LanguageScope } from "./checkLocalizedText.ts";
import { childPath } from "./jsonPath.ts";
import { type LintProblem, ProblemSink } from "./lintProblem.ts";

/**
 * Checks the texts of study.json: the title, concept labels, population names and city names in every
 * study language; each screen-out message in its population's languages; and that each population answers
 * only in languages the study declares.
 */
export function lintStudyTranslations(definition: StudyDefinition, file = "study.json"): LintProblem[] {
  const texts = new ProblemSink(file, "translation");
  const languages = new ProblemSink(file, "language");
  const study: LanguageScope = { languages: definition.languages, owner: "the study", surveyJs: false };
  checkLocalizedText(texts, "$.title", definition.title, study);
  definition.populations.forEach((population, position) => {
    const path = childPath("$.populations", position);
    population.languages.forEach((language, languagePosition) => {
      if (!definition.languages.includes(language)) {
        languages.error(
          childPath(childPath(path, "languages"), languagePosition),
          `"${language}" is not one of the study's languages (${definition.languages.join(", ")})`,
        );
      }
    });
    checkLocalizedText(texts, childPath(path, "name"), population.name, study);
    if (population.screenOutMessage !== undefined) {
      const own: LanguageScope = {
        languages: population.languages,
        owner: `population ${population.id}`,
        surveyJs: false,
      };
      checkLocalizedText(texts, childPath(path, "screenOutMessage"), population.screenOutMessage, own);
    }
    population.sites.forEach((site, sitePosition) => {
      if (site.city === undefined) return;
      const sitePath = childPath(childPath(path, "sites"), sitePosition);
      checkLocalizedText(texts, childPath(sitePath, "city"), site.city, study);
    });
  });
  definition.concepts.forEach((concept, position) => {
    checkLocalizedText(texts, childPath(childPath("$.concepts", position), "label"), concept.label, study);
  });
  return [...languages.problems, ...texts.problems];
}
