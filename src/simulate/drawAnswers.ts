import type { QualityConfig } from "../quality/qualityConfig.ts";
import type { OutlineQuestion, QuestionnaireOutline } from "../quality/questionnaireOutline.ts";
import { meetsCondition } from "../quality/rules/inconsistentRule.ts";
import { gridsOf } from "../quality/rules/straightlinerRule.ts";
import type { CompiledQuestionnaire } from "../study/validation/index.ts";
import type { PopulationModel, QuestionModel, Weights } from "./answerModel.ts";
import { impressionAnswer, keywordsAnswer } from "./openAnswers.ts";
import type { Random } from "./random.ts";

/** Everything needed to answer one population's questionnaire. */
export interface QuestionnaireSampler {
  population: string;
  compiled: CompiledQuestionnaire;
  outline: QuestionnaireOutline;
  model?: PopulationModel;
  siteQuestion?: string;
  eligibility?: string;
  /** Attention checks: the answer an attentive respondent gives. */
  attention: Map<string, string>;
  quality: QualityConfig;
}

/** How a fabricating interviewer invents answers: a personal template used most of the time. */
export interface FabricationStyle {
  template: Record<string, unknown>;
  stick: number;
}

export interface Respondent {
  site: string;
  language: string;
  fabrication?: FabricationStyle;
}

/** A blank open answer is common: not everyone writes something. */
const blankShare = { first: 0.12, later: 0.35 };

/** Answers one respondent would give: every question they are shown, in order, drawn from the model. */
export function drawAnswers(
  random: Random,
  sampler: QuestionnaireSampler,
  respondent: Respondent,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  let openSeen = 0;
  for (const question of sampler.outline.questions) {
    if (!sampler.compiled.isVisible(question.name, answers)) continue;
    const value = answerOne(random, sampler, respondent, question, answers, openSeen);
    if (question.kind === "open") openSeen++;
    if (value !== undefined) answers[question.name] = value;
  }
  avoidContradictions(random, sampler, respondent, answers);
  if (!respondent.fabrication) differentiate(random, sampler, respondent, answers);
  return answers;
}

/** Honest respondents read the statements: redraw a grid answered (nearly) alike by chance. */
function differentiate(
  random: Random,
  sampler: QuestionnaireSampler,
  respondent: Respondent,
  answers: Record<string, unknown>,
): void {
  const settings = sampler.quality.rules.straightliner;
  for (let attempt = 0; attempt < 20 && isNearlyStraightlined(sampler, answers, 0.05); attempt++) {
    for (const grid of gridsOf(sampler.population, sampler.outline, settings.grids, settings.offScaleValues))
      for (const name of grid.questions) {
        const model = sampler.model?.questions[name];
        const question = sampler.outline.byName.get(name);
        if (model && question && !sampler.attention.has(name) && name in answers)
          answers[name] = drawFromModel(random, model, question, respondent.site);
      }
  }
}

/** Whether a grid is answered (nearly) alike: within `margin` of the straightliner rule's threshold. */
export function isNearlyStraightlined(
  sampler: QuestionnaireSampler,
  answers: Record<string, unknown>,
  margin: number,
): boolean {
  const settings = sampler.quality.rules.straightliner;
  return gridsOf(sampler.population, sampler.outline, settings.grids, settings.offScaleValues).some(
    (grid) => {
      const positions = grid.questions
        .map((question) => grid.scale.get(String(answers[question])))
        .filter((position): position is number => position !== undefined);
      if (positions.length < Math.max(settings.minAnswered, 2)) return false;
      const mean = positions.reduce((sum, value) => sum + value, 0) / positions.length;
      const variance = positions.reduce((sum, value) => sum + (value - mean) ** 2, 0) / positions.length;
      return Math.sqrt(variance) <= settings.maxStandardDeviation + margin;
    },
  );
}

function answerOne(
  random: Random,
  sampler: QuestionnaireSampler,
  respondent: Respondent,
  question: OutlineQuestion,
  answers: Record<string, unknown>,
  openSeen: number,
): unknown {
  const name = question.name;
  if (name === sampler.siteQuestion) return respondent.site;
  const expected = sampler.attention.get(name);
  if (expected !== undefined) return expected;
  const fabrication = respondent.fabrication;
  if (question.kind === "open") {
    if (fabrication)
      return openSeen === 0 ? keywordsAnswer(random, sampler.population, respondent.language, 1) : undefined;
    if (random.chance(openSeen === 0 ? blankShare.first : blankShare.later)) return undefined;
    return openSeen === 0
      ? keywordsAnswer(random, sampler.population, respondent.language)
      : impressionAnswer(random, sampler.population, respondent.language);
  }
  if (question.kind === "number" && sampler.model) {
    const { mean, sd, min, max } = sampler.model.age;
    let age = Math.round(mean + sd * random.normal());
    if (fabrication && random.chance(0.8)) age = Math.round(age / 5) * 5;
    return Math.min(max, Math.max(min, age));
  }
  if (fabrication && name in fabrication.template && random.chance(fabrication.stick))
    return fabrication.template[name];
  const model = sampler.model?.questions[name];
  if (model) return drawFromModel(random, model, question, respondent.site);
  return sampler.compiled.sampleAnswer(name, answers, () => random.next());
}

export function weightsFor(model: QuestionModel, site: string): Weights {
  const override = model.bySite?.[site];
  return override ? { ...model.weights, ...override } : model.weights;
}

export function drawFromModel(
  random: Random,
  model: QuestionModel,
  question: OutlineQuestion,
  site: string,
): unknown {
  const weights = weightsFor(model, site);
  const offered = question.choices.filter((value) => value !== "none" && value !== "other");
  if (model.kind === "choice") {
    const values = offered.filter((value) => (weights[value] ?? 0) > 0);
    return values[random.weightedIndex(values.map((value) => weights[value]))];
  }
  if (model.kind === "ranking") {
    const remaining = [...offered];
    const ranked: string[] = [];
    while (remaining.length > 0) {
      const index = random.weightedIndex(remaining.map((value) => weights[value] ?? 1));
      ranked.push(remaining.splice(index, 1)[0]);
    }
    return ranked;
  }
  if (model.none !== undefined && question.choices.includes("none") && random.chance(model.none))
    return ["none"];
  const most = question.maxSelected ?? offered.length;
  for (let attempt = 0; attempt < 100; attempt++) {
    const ticked = offered.filter((value) => random.chance(weights[value] ?? 0));
    if (ticked.length > 0 && ticked.length <= most) return ticked;
  }
  return [offered[random.weightedIndex(offered.map((value) => weights[value] ?? 0.01))]];
}

/** Honest respondents do not give the configured contradicting pairs: redraw the second answer. */
function avoidContradictions(
  random: Random,
  sampler: QuestionnaireSampler,
  respondent: Respondent,
  answers: Record<string, unknown>,
): void {
  for (const pair of sampler.quality.rules.inconsistent.pairs) {
    if (pair.population !== undefined && pair.population !== sampler.population) continue;
    const question = sampler.outline.byName.get(pair.second.question);
    if (!question) continue;
    for (let attempt = 0; attempt < 50; attempt++) {
      if (!(meetsCondition(answers, pair.first) && meetsCondition(answers, pair.second))) break;
      const model = sampler.model?.questions[question.name];
      answers[question.name] = model
        ? drawFromModel(random, model, question, respondent.site)
        : sampler.compiled.sampleAnswer(question.name, answers, () => random.next());
    }
  }
}
