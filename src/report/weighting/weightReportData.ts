import { columnArray } from "../../stats/columnArray.ts";
import {
  addColumn,
  categoricalColumn,
  createDesign,
  type Design,
  type Margin,
  rake,
  trimWeights,
  weightingEffect,
} from "../../stats/index.ts";
import type { StudyDefinition } from "../../study/types.ts";
import type { ReportData } from "../model/reportData.ts";
import type { PopulationWeighting, WeightingConfig, WeightingMargin } from "./weightingConfig.ts";

export interface MarginSummary {
  variable: string;
  source: string;
  /** Population share of each level, as applied (after dropping levels without respondents). */
  targets: Record<string, number>;
  /** Unweighted sample share of each level. */
  sample: Record<string, number>;
}

export interface PopulationWeightingSummary {
  population: string;
  weighted: boolean;
  margins: MarginSummary[];
  /** Kish's design effect of the final weights and the effective sample size. */
  deff: number;
  effectiveN: number;
  minWeight: number;
  maxWeight: number;
  trimmedAt: number | null;
  converged: boolean;
  /** Levels with a target but no respondent: their share was spread over the other levels. */
  droppedLevels: string[];
}

export interface WeightedReport {
  design: Design;
  summaries: PopulationWeightingSummary[];
}

const ALL = "(all)";
const MISSING = "(missing)";

/** The questions each population's weighting reads, for `buildReportData`. */
export function weightingQuestions(config: WeightingConfig | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [population, weighting] of Object.entries(config?.populations ?? {}))
    out.set(population, [...new Set(weighting.margins.map((margin) => margin.question))]);
  return out;
}

/**
 * Weights every population to its margins by raking (one stratified design, each population a stratum, every
 * level of a margin prefixed by its population so the populations are raked apart), then trims extreme
 * weights. Targets are scaled to each population's sample size, so the mean weight is 1 in each.
 */
export function weightReportData(
  study: StudyDefinition,
  data: ReportData,
  config: WeightingConfig | null,
): WeightedReport {
  const frame = data.frame;
  const populationColumn = frame.columns.get("population");
  if (populationColumn?.kind !== "categorical")
    throw new RangeError("the report frame has no population column");
  const populationOfRow = (i: number) => populationColumn.levels[populationColumn.codes[i]];
  const counts = new Map(data.populations.map((id) => [id, 0]));
  for (let i = 0; i < frame.n; i++) counts.set(populationOfRow(i), (counts.get(populationOfRow(i)) ?? 0) + 1);
  const variables = [
    ...new Set(
      Object.values(config?.populations ?? {}).flatMap((weighting) =>
        weighting.margins.map((m) => m.variable),
      ),
    ),
  ];
  const summaries = new Map<string, PopulationWeightingSummary>();
  for (const population of data.populations) {
    summaries.set(population, {
      population,
      weighted: Boolean(config?.populations[population]) && (counts.get(population) ?? 0) > 0,
      margins: [],
      deff: 1,
      effectiveN: counts.get(population) ?? 0,
      minWeight: 1,
      maxWeight: 1,
      trimmedAt: null,
      converged: true,
      droppedLevels: [],
    });
  }
  const margins: Margin[] = [];
  for (const variable of variables) {
    const levels = new Array<string>(frame.n);
    const targets: Record<string, number> = {};
    for (const population of data.populations) {
      const weighting = config?.populations[population];
      const margin = weighting?.margins.find((candidate) => candidate.variable === variable);
      const rows: number[] = [];
      for (let i = 0; i < frame.n; i++) if (populationOfRow(i) === population) rows.push(i);
      if (rows.length === 0) continue;
      if (!margin) {
        for (const i of rows) levels[i] = `${population}/${ALL}`;
        targets[`${population}/${ALL}`] = rows.length;
        continue;
      }
      const own = marginLevels(study, data, population, margin, rows);
      const summary = summaries.get(population) as PopulationWeightingSummary;
      // A level answered but absent from the targets cannot be weighted: it keeps its sample share.
      own.values = own.values.map((value) => {
        if (value === MISSING || value in own.shares) return value;
        if (!summary.droppedLevels.includes(`${variable}=${value}`))
          summary.droppedLevels.push(`${variable}=${value}`);
        return MISSING;
      });
      rows.forEach((i, k) => {
        levels[i] = `${population}/${own.values[k]}`;
      });
      const applied = appliedShares(own.shares, own.values, summary.droppedLevels, variable);
      const missing = own.values.filter((value) => value === MISSING).length;
      for (const [level, share] of Object.entries(applied))
        targets[`${population}/${level}`] = share * (rows.length - missing);
      if (missing > 0) targets[`${population}/${MISSING}`] = missing;
      summary.margins.push({
        variable,
        source: margin.source,
        targets: applied,
        sample: sampleShares(own.values),
      });
    }
    addColumn(frame, `w:${variable}`, categoricalColumn(levels));
    margins.push({ variable: `w:${variable}`, targets });
  }
  let design = createDesign(frame, { strata: "population" });
  if (margins.length > 0) {
    const raked = rake(design, margins, { maxit: 50, epsilon: 1e-6 });
    design = raked.design;
    for (const summary of summaries.values()) summary.converged = raked.report.converged;
  }
  const uppers = data.populations.map(
    (population) => config?.populations[population]?.trim?.upper ?? Number.POSITIVE_INFINITY,
  );
  const upper = Math.min(...uppers);
  if (Number.isFinite(upper)) {
    design = trimWeights(design, { upper, strict: true });
    for (const population of data.populations)
      if (config?.populations[population]?.trim)
        (summaries.get(population) as PopulationWeightingSummary).trimmedAt = upper;
  }
  for (const population of data.populations) {
    const weights = columnArray(Float64Array, frame.n);
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    for (let i = 0; i < frame.n; i++) {
      if (populationOfRow(i) !== population) continue;
      weights[i] = design.weights[i];
      min = Math.min(min, weights[i]);
      max = Math.max(max, weights[i]);
    }
    const summary = summaries.get(population) as PopulationWeightingSummary;
    if ((counts.get(population) ?? 0) === 0) continue;
    const effect = weightingEffect(weights);
    Object.assign(summary, {
      deff: effect.deff,
      effectiveN: effect.effectiveN,
      minWeight: min,
      maxWeight: max,
    });
  }
  return { design, summaries: [...summaries.values()] };
}

function marginLevels(
  study: StudyDefinition,
  data: ReportData,
  population: string,
  margin: WeightingMargin,
  rows: number[],
): { values: string[]; shares: Record<string, number> } {
  const frame = data.frame;
  if (margin.targets === "siteTargets") {
    const definition = study.populations.find((candidate) => candidate.id === population);
    const total = definition?.sites.reduce((sum, site) => sum + site.target, 0) || 1;
    const shares = Object.fromEntries(
      (definition?.sites ?? []).map((site) => [site.id, site.target / total]),
    );
    const column = frame.columns.get(`site@${population}`);
    const values = rows.map((i) =>
      column?.kind === "categorical" && column.codes[i] >= 0 ? column.levels[column.codes[i]] : MISSING,
    );
    return { values, shares };
  }
  const column = frame.columns.get(`raw:${margin.question}@${population}`);
  const values = rows.map((i) => {
    if (!column) return MISSING;
    if (column.kind === "numeric") {
      const value = column.values[i];
      if (Number.isNaN(value)) return MISSING;
      return margin.bands?.find((band) => value >= band.min && value <= band.max)?.id ?? MISSING;
    }
    return column.codes[i] >= 0 ? column.levels[column.codes[i]] : MISSING;
  });
  return { values, shares: margin.targets };
}

function appliedShares(
  shares: Record<string, number>,
  values: string[],
  dropped: string[],
  variable: string,
): Record<string, number> {
  const present = new Set(values);
  const kept = Object.entries(shares).filter(([level, share]) => share > 0 && present.has(level));
  for (const [level, share] of Object.entries(shares))
    if (share > 0 && !present.has(level)) dropped.push(`${variable}=${level}`);
  const sum = kept.reduce((total, [, share]) => total + share, 0) || 1;
  const applied: Record<string, number> = {};
  for (const [level, share] of kept) applied[level] = share / sum;
  return applied;
}

function sampleShares(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  for (const level of Object.keys(counts)) counts[level] /= values.length;
  return counts;
}

export type { PopulationWeighting };
