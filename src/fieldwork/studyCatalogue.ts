import { ParallaxError } from "../errors.ts";
import type { LoadedStudy, Population, QuestionnaireJson } from "../study/types.ts";

/** What the fieldwork needs of a compiled questionnaire: a verdict on a set of answers. */
export interface AnswerChecker {
  validate(
    answers: Record<string, unknown>,
    options?: { partial?: boolean },
  ): Array<{ path: string; message: string }>;
}

export interface CatalogueDeps {
  compile(json: QuestionnaireJson): AnswerChecker;
  /** An earlier questionnaire version kept in the store, for responses begun before the study changed. */
  findVersion(studyId: string, populationId: string, version: string): Promise<QuestionnaireJson | undefined>;
}

/**
 * The studies a server fields, each questionnaire version compiled once: compiling is the expensive part of
 * checking a submission, so it must not happen per request.
 */
export class StudyCatalogue {
  private readonly studies = new Map<string, LoadedStudy>();
  private readonly checkers = new Map<string, AnswerChecker>();

  constructor(
    studies: LoadedStudy[],
    private readonly deps: CatalogueDeps,
  ) {
    for (const study of studies) {
      this.studies.set(study.definition.id, study);
      for (const questionnaire of Object.values(study.questionnaires)) {
        const key = checkerKey(study.definition.id, questionnaire.population, questionnaire.version);
        this.checkers.set(key, deps.compile(questionnaire.json));
      }
    }
  }

  list(): LoadedStudy[] {
    return [...this.studies.values()];
  }

  study(studyId: string): LoadedStudy {
    const study = this.studies.get(studyId);
    if (!study) throw new ParallaxError("STUDY_NOT_FOUND", `Unknown study "${studyId}"`);
    return study;
  }

  population(studyId: string, populationId: string): { study: LoadedStudy; population: Population } {
    const study = this.study(studyId);
    const population = study.definition.populations.find((candidate) => candidate.id === populationId);
    if (!population) {
      throw new ParallaxError(
        "POPULATION_NOT_FOUND",
        `Study "${studyId}" has no population "${populationId}"`,
      );
    }
    return { study, population };
  }

  currentVersion(studyId: string, populationId: string): string {
    return this.population(studyId, populationId).study.questionnaires[populationId].version;
  }

  async checker(studyId: string, populationId: string, version: string): Promise<AnswerChecker> {
    const key = checkerKey(studyId, populationId, version);
    const known = this.checkers.get(key);
    if (known) return known;
    const json = await this.deps.findVersion(studyId, populationId, version);
    if (!json) {
      throw new ParallaxError("RESPONSE_INVALID", undefined, [
        { path: "questionnaireVersion", message: `"${version}" is not a version of this questionnaire` },
      ]);
    }
    const checker = this.deps.compile(json);
    this.checkers.set(key, checker);
    return checker;
  }
}

function checkerKey(studyId: string, populationId: string, version: string): string {
  return `${studyId}\u0000${populationId}\u0000${version}`;
}
