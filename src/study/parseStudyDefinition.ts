import { ParallaxError } from "../errors.ts";
import { ShapeChecker } from "./checkShape.ts";
import { parseJson } from "./parseJson.ts";
import type { StudyDefinition } from "./types.ts";

const modes = new Set(["web", "f2f"]);

/**
 * Reads study.json text into a StudyDefinition, checking its shape. Every shape problem is reported at
 * once with its JSON path; meaning (translations, concepts, expressions) is the linter's job.
 */
export function parseStudyDefinition(text: string, file = "study.json"): StudyDefinition {
  const value = parseJson(text, file);
  const check = new ShapeChecker(file);
  if (check.object(value, "$")) {
    check.string(value.id, "$.id");
    check.localized(value.title, "$.title");
    check.stringArray(value.languages, "$.languages");
    if (check.array(value.populations, "$.populations")) {
      for (const [index, population] of value.populations.entries()) {
        checkPopulation(check, population, `$.populations[${index}]`);
      }
    }
    if (check.array(value.concepts, "$.concepts")) {
      for (const [index, concept] of value.concepts.entries()) {
        checkConcept(check, concept, `$.concepts[${index}]`);
      }
    }
  }
  if (check.problems.length > 0) {
    throw new ParallaxError("STUDY_INVALID", `${file} does not describe a study`, check.problems);
  }
  return value as StudyDefinition;
}

function checkPopulation(check: ShapeChecker, population: unknown, path: string): void {
  if (!check.object(population, path)) return;
  check.string(population.id, `${path}.id`);
  check.localized(population.name, `${path}.name`);
  check.string(population.questionnaire, `${path}.questionnaire`);
  check.stringArray(population.languages, `${path}.languages`);
  if (check.stringArray(population.modes, `${path}.modes`)) {
    population.modes.forEach((mode, index) => {
      if (!modes.has(mode)) check.fail(`${path}.modes[${index}]`, `must be "web" or "f2f", not "${mode}"`);
    });
  }
  if (check.object(population.fieldwork, `${path}.fieldwork`)) {
    const window = population.fieldwork;
    const startOk = check.isoDate(window.start, `${path}.fieldwork.start`);
    const endOk = check.isoDate(window.end, `${path}.fieldwork.end`);
    if (startOk && endOk && String(window.start) > String(window.end)) {
      check.fail(`${path}.fieldwork`, "start must not come after end");
    }
    if (check.string(window.timezone, `${path}.fieldwork.timezone`) && !isTimeZone(window.timezone)) {
      check.fail(`${path}.fieldwork.timezone`, `"${window.timezone}" is not an IANA time zone`);
    }
  }
  if (population.eligibility !== undefined) check.string(population.eligibility, `${path}.eligibility`);
  if (population.screenOutMessage !== undefined) {
    check.localized(population.screenOutMessage, `${path}.screenOutMessage`);
  }
  if (population.siteQuestion !== undefined) check.string(population.siteQuestion, `${path}.siteQuestion`);
  if (population.quotas !== undefined && check.array(population.quotas, `${path}.quotas`)) {
    for (const [index, quota] of population.quotas.entries())
      checkQuota(check, quota, `${path}.quotas[${index}]`);
  }
  if (check.array(population.sites, `${path}.sites`)) {
    population.sites.forEach((site, index) => {
      const sitePath = `${path}.sites[${index}]`;
      if (!check.object(site, sitePath)) return;
      check.string(site.id, `${sitePath}.id`);
      if (check.string(site.country, `${sitePath}.country`) && !/^[A-Z]{2}$/.test(site.country)) {
        check.fail(`${sitePath}.country`, "must be an ISO 3166-1 alpha-2 code such as AR");
      }
      if (site.city !== undefined) check.localized(site.city, `${sitePath}.city`);
      check.nonNegativeInteger(site.target, `${sitePath}.target`);
    });
  }
}

function checkQuota(check: ShapeChecker, quota: unknown, path: string): void {
  if (!check.object(quota, path)) return;
  check.string(quota.id, `${path}.id`);
  check.localized(quota.label, `${path}.label`);
  check.localized(quota.message, `${path}.message`);
  if (quota.whenFull !== "screen_out" && quota.whenFull !== "close_site") {
    check.fail(`${path}.whenFull`, 'must be "screen_out" or "close_site"');
  }
  if (check.array(quota.dimensions, `${path}.dimensions`)) {
    if (quota.dimensions.length === 0) check.fail(`${path}.dimensions`, "must name at least one question");
    for (const [index, dimension] of quota.dimensions.entries()) {
      const dimensionPath = `${path}.dimensions[${index}]`;
      if (!check.object(dimension, dimensionPath)) continue;
      check.string(dimension.question, `${dimensionPath}.question`);
      if (dimension.bands === undefined || !check.array(dimension.bands, `${dimensionPath}.bands`)) continue;
      for (const [bandIndex, band] of dimension.bands.entries()) {
        const bandPath = `${dimensionPath}.bands[${bandIndex}]`;
        if (!check.object(band, bandPath)) continue;
        check.string(band.id, `${bandPath}.id`);
        if (typeof band.min !== "number" || typeof band.max !== "number" || band.min > band.max) {
          check.fail(bandPath, "needs numbers min ≤ max");
        }
      }
    }
  }
  if (check.object(quota.targets, `${path}.targets`)) {
    for (const [cell, target] of Object.entries(quota.targets))
      check.nonNegativeInteger(target, `${path}.targets.${cell}`);
  }
  if (quota.defaultTarget !== undefined)
    check.nonNegativeInteger(quota.defaultTarget, `${path}.defaultTarget`);
}

function checkConcept(check: ShapeChecker, concept: unknown, path: string): void {
  if (!check.object(concept, path)) return;
  check.string(concept.id, `${path}.id`);
  check.localized(concept.label, `${path}.label`);
  if (!check.array(concept.questions, `${path}.questions`)) return;
  concept.questions.forEach((question, index) => {
    const questionPath = `${path}.questions[${index}]`;
    if (!check.object(question, questionPath)) return;
    check.string(question.population, `${questionPath}.population`);
    check.string(question.question, `${questionPath}.question`);
    if (question.choiceMap !== undefined) check.localized(question.choiceMap, `${questionPath}.choiceMap`);
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
