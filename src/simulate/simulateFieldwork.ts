import { defaultQualityConfig, type QualityConfig } from "../quality/qualityConfig.ts";
import type { LoadedStudy, Population } from "../study/types.ts";
import { agreeWithScreen } from "./agreeWithScreen.ts";
import type { PopulationModel } from "./answerModel.ts";
import { articleValidResponses } from "./articleFindings.ts";
import { interviewerSchedule, webStart } from "./fieldworkCalendar.ts";
import { createRandom, type Random } from "./random.ts";
import { type FieldworkSlot, realizeSlot } from "./realizeSlot.ts";
import { createSamplers, fabricationStyle } from "./samplers.ts";
import type { FaultName, SimulatedResponse, Simulation } from "./types.ts";

export type FaultShares = Partial<Record<Exclude<FaultName, "fabricated">, number>>;

export interface SimulationOptions {
  seed: number;
  /** Clean responses per population. Default: the article's valid counts for the demo, else the site targets. */
  n?: Record<string, number>;
  /** Share of faulty responses of each kind, added on top of the clean ones. */
  faults?: FaultShares;
  /** Interviewers who invent all their interviews, added on top of the honest ones. */
  fabricatingInterviewers?: number;
  interviewersPerSite?: number;
  /** Redraw until the screen's verdicts agree with the truth, so valid counts equal `n`. */
  exact?: boolean;
  quality?: QualityConfig;
}

export const defaultFaultShares: FaultShares = {
  speeder: 0.05,
  straightliner: 0.03,
  duplicate: 0.02,
  near_duplicate: 0.02,
  attention: 0.03,
  gibberish: 0.02,
  ineligible: 0.02,
  inconsistent: 0.02,
};

/**
 * Simulates the fieldwork of a study: `n` clean responses per population spread over the sites by their
 * targets (modes, languages, interviewers and times as in real fieldwork), plus faulty responses on top in
 * the given shares, plus every interview of the fabricating interviewers. Respondent faults are injected into
 * web responses (self-completion is where respondents speed, straightline or type nonsense); fabrication is
 * the face-to-face fault. The same seed gives the same simulation.
 */
export function simulateFieldwork(study: LoadedStudy, options: SimulationOptions): Simulation {
  const quality = options.quality ?? defaultQualityConfig;
  const random = createRandom(options.seed);
  const samplers = createSamplers(study, quality);
  const slots: FieldworkSlot[] = [];
  const shares = options.faults ?? defaultFaultShares;
  const fabricators = options.fabricatingInterviewers ?? 0;
  const perSite = options.interviewersPerSite ?? 8;

  for (const population of study.definition.populations) {
    const sampler = samplers.get(population.id);
    if (!sampler) continue;
    const clean = options.n?.[population.id] ?? defaultCount(study, population);
    const version = study.questionnaires[population.id].version;
    const base = { population: population.id, questionnaireVersion: version };
    const webShare = sampler.model?.webShare;
    const interviewsBySite = new Map<string, number>();
    for (const site of allocate(population, clean)) {
      const mixed = population.modes.includes("web") && population.modes.includes("f2f");
      const web = mixed ? random.chance(webShare?.[site] ?? 0.7) : population.modes[0] !== "f2f";
      slots.push({
        ...base,
        ...slotCommon(random, population, site, sampler.model),
        mode: web ? "web" : "f2f",
      });
      if (!web) interviewsBySite.set(site, (interviewsBySite.get(site) ?? 0) + 1);
    }
    scheduleInterviews(
      random,
      population,
      slots.filter((slot) => slot.population === population.id && slot.mode === "f2f"),
      perSite,
    );
    const faultSites = allocate(population, 0);
    for (const [fault, share] of Object.entries(shares) as Array<
      [Exclude<FaultName, "fabricated">, number]
    >) {
      for (let index = 0; index < Math.round(share * clean); index++) {
        const site = faultSites[random.int(faultSites.length)];
        slots.push({ ...base, ...slotCommon(random, population, site, sampler.model), mode: "web", fault });
      }
    }
    const f2fSites = [...interviewsBySite.keys()];
    for (
      let index = 0;
      index < fabricators && f2fSites.length > 0 && population.modes.includes("f2f");
      index++
    ) {
      const site = f2fSites[index % f2fSites.length];
      const count = Math.max(8, Math.round((interviewsBySite.get(site) ?? 0) / perSite));
      const interviewer = `${site}-${String(perSite + 1 + Math.floor(index / f2fSites.length)).padStart(2, "0")}`;
      const style = fabricationStyle(random, sampler.model, site, quality.interviewers.nonResponseValues);
      const country = population.sites.find((candidate) => candidate.id === site)?.country ?? "";
      const starts = interviewerSchedule(random, population.fieldwork, country, count, [8, 14], 4, 10);
      for (const startedAt of starts)
        slots.push({
          ...base,
          ...slotCommon(random, population, site, sampler.model),
          mode: "f2f",
          interviewer,
          startedAt,
          fault: "fabricated",
          fabrication: style,
          pace: 1.05 * random.logNormal(1, 0.1),
        });
    }
  }

  const responses = new Map<string, SimulatedResponse>();
  const truth = new Map<string, FaultName[]>();
  const cleanWeb = new Map<string, FieldworkSlot[]>();
  for (const slot of slots)
    if (!slot.fault && slot.mode === "web")
      cleanWeb.set(slot.population, [...(cleanWeb.get(slot.population) ?? []), slot]);
  const ordered = [
    ...slots.filter((slot) => slot.fault !== "duplicate" && slot.fault !== "near_duplicate"),
    ...slots.filter((slot) => slot.fault === "duplicate" || slot.fault === "near_duplicate"),
  ];
  for (const slot of ordered) {
    if (slot.fault === "duplicate" || slot.fault === "near_duplicate") {
      const sources = cleanWeb.get(slot.population) ?? [];
      slot.source = sources[random.int(sources.length)]?.id;
    }
    const { response, faults } = realizeSlot(random.fork(), slot, samplers, responses);
    responses.set(response.id, response);
    if (faults.length > 0) truth.set(response.id, faults);
  }
  let redrawRounds = 0;
  if (options.exact)
    redrawRounds = agreeWithScreen(study, quality, slots, samplers, responses, truth, random);
  const sorted = [...responses.values()].sort((a, b) =>
    String(a.paradata.startedAt) < String(b.paradata.startedAt) ? -1 : 1,
  );
  return { responses: sorted, truth, redrawRounds };
}

function defaultCount(study: LoadedStudy, population: Population): number {
  if (study.definition.id === "china-lac" && articleValidResponses[population.id])
    return articleValidResponses[population.id];
  return population.sites.reduce((sum, site) => sum + site.target, 0);
}

/** Site ids for `count` respondents in proportion to the targets (largest remainder), or the target list itself when count is 0. */
function allocate(population: Population, count: number): string[] {
  const total = population.sites.reduce((sum, site) => sum + site.target, 0) || 1;
  if (count === 0) return population.sites.flatMap((site) => new Array<string>(site.target).fill(site.id));
  const exact = population.sites.map((site) => (site.target / total) * count);
  const floors = exact.map(Math.floor);
  let missing = count - floors.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, index) => [value - floors[index], index]).sort((a, b) => b[0] - a[0]);
  for (const [, index] of order) if (missing-- > 0) floors[index]++;
  return population.sites.flatMap((site, index) => new Array<string>(floors[index]).fill(site.id));
}

function slotCommon(
  random: Random,
  population: Population,
  site: string,
  model: PopulationModel | undefined,
) {
  const country = population.sites.find((candidate) => candidate.id === site)?.country ?? "";
  return {
    id: random.uuid(),
    site,
    country,
    language: pickLanguage(random, population, site, model),
    startedAt: webStart(random, population.fieldwork, country),
    pace: random.logNormal(1, 0.25),
  };
}

function pickLanguage(
  random: Random,
  population: Population,
  site: string,
  model: PopulationModel | undefined,
): string {
  const weights = model?.languages[site] ?? model?.languages["*"];
  const languages = population.languages;
  if (!weights) return languages[0];
  const offered = languages.filter((language) => (weights[language] ?? 0) > 0);
  return offered.length > 0
    ? offered[random.weightedIndex(offered.map((language) => weights[language]))]
    : languages[0];
}

/** Honest interviewers: `perSite` per site, a few interviews a day with travel between households. */
function scheduleInterviews(
  random: Random,
  population: Population,
  slots: FieldworkSlot[],
  perSite: number,
): void {
  const bySite = new Map<string, FieldworkSlot[]>();
  for (const slot of slots) bySite.set(slot.site, [...(bySite.get(slot.site) ?? []), slot]);
  for (const [site, siteSlots] of bySite) {
    const country = siteSlots[0].country;
    for (let index = 0; index < perSite; index++) {
      const own = siteSlots.filter((_, position) => position % perSite === index);
      if (own.length === 0) continue;
      const interviewer = `${site}-${String(index + 1).padStart(2, "0")}`;
      const starts = interviewerSchedule(random, population.fieldwork, country, own.length, [3, 6], 40, 17);
      own.forEach((slot, position) => {
        slot.interviewer = interviewer;
        slot.startedAt = starts[position];
        slot.pace = 1.7 * random.logNormal(1, 0.2);
      });
    }
  }
}
