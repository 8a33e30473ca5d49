import type { QualityConfig } from "../quality/qualityConfig.ts";
import { outlineQuestionnaire } from "../quality/questionnaireOutline.ts";
import type { LoadedStudy } from "../study/types.ts";
import { compileQuestionnaire } from "../study/validation/index.ts";
import { answerModels, type PopulationModel, type Weights } from "./answerModel.ts";
import type { FabricationStyle, QuestionnaireSampler } from "./drawAnswers.ts";
import type { Random } from "./random.ts";

/** One sampler per population: the compiled questionnaire, its outline and the answer model of the demo. */
export function createSamplers(
  study: LoadedStudy,
  quality: QualityConfig,
): Map<string, QuestionnaireSampler> {
  const samplers = new Map<string, QuestionnaireSampler>();
  const isDemo = study.definition.id === "china-lac";
  for (const population of study.definition.populations) {
    const json = study.questionnaires[population.id]?.json;
    if (!json) continue;
    const attention = new Map<string, string>();
    for (const check of quality.rules.attention.checks)
      if (check.population === undefined || check.population === population.id)
        attention.set(check.question, check.expected[0]);
    samplers.set(population.id, {
      population: population.id,
      compiled: compileQuestionnaire(json),
      outline: outlineQuestionnaire(json),
      model: isDemo ? answerModels[population.id] : undefined,
      siteQuestion: population.siteQuestion,
      eligibility: population.eligibility,
      attention,
      quality,
    });
  }
  return samplers;
}

/**
 * A fabricating interviewer's template: the commonest substantive answer to each single choice, the two
 * likeliest boxes of each checkbox, the expected order of each ranking. Invented interviews lean on it,
 * which is what makes them alike, moderate and free of "don't know".
 */
export function fabricationStyle(
  random: Random,
  model: PopulationModel | undefined,
  site: string,
  nonResponse: string[],
): FabricationStyle {
  const template: Record<string, unknown> = {};
  for (const [name, question] of Object.entries(model?.questions ?? {})) {
    const weights: Weights = { ...question.weights, ...(question.bySite?.[site] ?? {}) };
    const ordered = Object.entries(weights)
      .filter(([value]) => !nonResponse.includes(value))
      .sort(([, a], [, b]) => b - a)
      .map(([value]) => value);
    if (question.kind === "choice") template[name] = ordered[0];
    else if (question.kind === "multi") template[name] = ordered.slice(0, 2);
    else template[name] = ordered;
  }
  return { template, stick: 0.55 + 0.15 * random.next() };
}
