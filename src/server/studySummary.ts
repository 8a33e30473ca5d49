import { fieldworkState } from "../fieldwork/fieldworkState.ts";
import type { LoadedStudy } from "../study/types.ts";

export function respondentLink(studyId: string, populationId: string, language: string): string {
  return `/s/${encodeURIComponent(studyId)}/${encodeURIComponent(populationId)}/${encodeURIComponent(language)}`;
}

/** What the API tells any client about a study: everything but the questionnaires themselves. */
export function studySummary(study: LoadedStudy, now: Date, openFieldwork: boolean) {
  const { definition } = study;
  return {
    id: definition.id,
    title: definition.title,
    languages: definition.languages,
    concepts: definition.concepts,
    populations: definition.populations.map((population) => ({
      ...population,
      questionnaireVersion: study.questionnaires[population.id].version,
      fieldworkState: openFieldwork ? "open" : fieldworkState(population.fieldwork, now),
      links: Object.fromEntries(
        population.languages.map((language) => [
          language,
          respondentLink(definition.id, population.id, language),
        ]),
      ),
    })),
  };
}
