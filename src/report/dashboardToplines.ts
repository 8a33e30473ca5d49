import type { ScreenedResponse } from "../quality/types.ts";
import { type EstimateRow, selectMultiple, svyProportions } from "../stats/index.ts";
import { localize } from "../study/localize.ts";
import type { LoadedStudy } from "../study/types.ts";
import { conceptInfos, valueLabel } from "./model/conceptQuestions.ts";
import { countBy, presentIn, toEstimate } from "./model/estimateHelpers.ts";
import type { Estimate } from "./model/reportModel.ts";
import { validResponseDesign } from "./validResponseDesign.ts";
import type { WeightingConfig } from "./weighting/weightingConfig.ts";

export interface ToplineValue {
  value: string;
  label: string;
  /** Share with its 95% logit interval per population; null where the population has no answer to it. */
  byPopulation: Record<string, Estimate | null>;
}

export interface ToplineConcept {
  id: string;
  label: string;
  kind: "single" | "multiple";
  values: ToplineValue[];
}

export interface Toplines {
  language: string;
  /** Valid responses in the estimates, per population. */
  bases: Record<string, number>;
  /** Populations raked to the study's weighting margins; the others are unweighted. */
  weightedPopulations: string[];
  /** Rows that come from the fieldwork simulator, not from respondents. */
  simulated: number;
  concepts: ToplineConcept[];
}

/**
 * The dashboard's toplines: every single- and multiple-choice concept's shares per population over the valid
 * responses, weighted as the report weights them, each with its 95% interval (the report's estimates, not a
 * second computation).
 */
export function dashboardToplines(
  study: LoadedStudy,
  valid: ScreenedResponse[],
  weighting: WeightingConfig | null,
  language: string,
  /** Questions kept out, as the report keeps them out: attention checks measure care, not opinion. */
  hiddenQuestions: ReadonlySet<string> = new Set(),
): Toplines {
  const { design, rows, weightedPopulations } = validResponseDesign(study, valid, weighting);
  const populations = study.definition.populations.map((population) => population.id);
  const bases = Object.fromEntries(
    populations.map((population) => [population, rows.filter((row) => row.population === population).length]),
  );
  const simulated = rows.filter((row) => row.paradata?.simulated === true).length;
  const concepts: ToplineConcept[] = [];
  if (rows.length === 0) return { language, bases, weightedPopulations, simulated, concepts };
  const frame = design.frame;
  const populationsWith = (variable: string) => countBy(frame, "population", presentIn(frame, variable));
  for (const info of conceptInfos(study)) {
    if (info.kind !== "single" && info.kind !== "multiple") continue;
    if (info.questions.some((question) => hiddenQuestions.has(question.question))) continue;
    const id = info.concept.id;
    const shareOf = (estimates: EstimateRow[], variable: string, level: string) => {
      const answered = populationsWith(variable);
      const out: Record<string, Estimate | null> = {};
      for (const population of populations) {
        const row = estimates.find(
          (candidate) => candidate.domain?.population === population && candidate.level === level,
        );
        const n = answered.get(population) ?? 0;
        out[population] = row && n > 0 ? toEstimate(row, n) : null;
      }
      return out;
    };
    const options = { by: "population", ci: "logit" as const };
    const values: ToplineValue[] = [];
    if (info.kind === "single") {
      const estimates = svyProportions(design, `q:${id}`, options);
      for (const value of info.values)
        values.push({
          value,
          label: valueLabel(info, value, language),
          byPopulation: shareOf(estimates, `q:${id}`, value),
        });
    } else {
      const items = info.values.map((value) => `q:${id}:${value}`);
      const estimates = selectMultiple(design, items, options);
      info.values.forEach((value, k) => {
        values.push({
          value,
          label: valueLabel(info, value, language),
          byPopulation: shareOf(estimates, items[k], items[k]),
        });
      });
    }
    concepts.push({
      id,
      label: localize(info.concept.label, language) ?? id,
      kind: info.kind,
      values,
    });
  }
  return { language, bases, weightedPopulations, simulated, concepts };
}
