import { columnArray } from "../../stats/columnArray.ts";
import {
  type Design,
  rankingSummary,
  raoScott,
  selectMultiple,
  svyMean,
  svyProportions,
  topBox,
} from "../../stats/index.ts";
import { codeShares } from "../codeShares.ts";
import type { ConceptInfo } from "./conceptQuestions.ts";
import {
  basesBy,
  categorical,
  indicatorColumn,
  populationDifference,
  populationDifferences,
  toEstimate,
} from "./estimateHelpers.ts";
import type { ReportData } from "./reportData.ts";
import type {
  ConceptSection,
  Estimate,
  KeywordRanking,
  RankingItem,
  RankingLeader,
  SiteBreakdown,
  SiteRow,
  ValueRow,
} from "./reportModel.ts";

const KEYWORDS_SHOWN = 10;
const OPTIONS_BY_SITE = 3;

/** The answers a headline counts: a scale's two top levels (very/fully + somewhat), else the first choice. */
export function headlineValues(values: string[]): string[] {
  const [first, second] = values;
  const suffix = (value: string | undefined) => value?.replace(/^(very|fully|somewhat)_/, "");
  if (
    first &&
    second &&
    /^(very|fully)_/.test(first) &&
    second.startsWith("somewhat_") &&
    suffix(first) === suffix(second)
  )
    return [first, second];
  return first ? [first] : [];
}

export function conceptSection(
  design: Design,
  data: ReportData,
  info: ConceptInfo,
  weightingVariable: boolean,
): ConceptSection {
  const id = info.concept.id;
  const populations = data.populations.filter((population) =>
    info.questions.some((q) => q.population === population),
  );
  const pair = populations.length === 2 ? (populations as [string, string]) : null;
  const section: ConceptSection = {
    id,
    kind: info.kind,
    populations,
    rows: [],
    headline: null,
    sites: [],
    ranking: null,
    keywords: [],
    uncoded: [],
    weightingVariable,
  };
  const frame = design.frame;
  const byPopulation = (rows: ReturnType<typeof svyProportions>, level: string | null, variable: string) => {
    const bases = basesBy(frame, "population", variable);
    const out: Record<string, Estimate | null> = {};
    for (const population of populations) {
      const row = rows.find(
        (candidate) =>
          candidate.domain?.population === population && (level === null || candidate.level === level),
      );
      out[population] = row ? toEstimate(row, bases.get(population) ?? 0) : null;
    }
    return out;
  };
  if (info.kind === "single") {
    const variable = `q:${id}`;
    const rows = svyProportions(design, variable, { by: "population", ci: "logit" });
    const differences = pair ? populationDifferences(design, variable, pair) : null;
    section.rows = info.values.map((value) => ({
      value,
      byPopulation: byPopulation(rows, value, variable),
      difference: differences?.get(value) ?? null,
    }));
    if (!weightingVariable) {
      const values = headlineValues(info.values);
      const indicator = indicatorColumn(frame, variable, values);
      const headlineRows = topBox(design, variable, values, { by: "population", ci: "logit" });
      section.headline = {
        values,
        byPopulation: byPopulation(headlineRows, null, variable),
        difference: pair ? populationDifference(design, indicator, pair) : null,
      };
      section.sites.push(siteBreakdown(design, populations, values, indicator, null));
    }
  } else if (info.kind === "multiple") {
    const items = info.values.map((value) => `q:${id}:${value}`);
    const rows = selectMultiple(design, items, { by: "population", ci: "logit" });
    section.rows = info.values.map((value, k) => ({
      value,
      byPopulation: byPopulation(rows, items[k], items[k]),
      difference: pair ? populationDifference(design, items[k], pair) : null,
    }));
    const top = [...section.rows]
      .filter((row) => row.value !== "none")
      .sort((a, b) => maxShare(b) - maxShare(a))
      .slice(0, OPTIONS_BY_SITE);
    for (const row of top) {
      const item = `q:${id}:${row.value}`;
      section.sites.push(siteBreakdown(design, populations, [row.value], item, row.value));
    }
  } else if (info.kind === "ranking") {
    section.ranking = rankingResults(design, info, populations);
  } else if (info.kind === "numeric") {
    const variable = `q:${id}`;
    const rows = svyMean(design, variable, { by: "population" });
    section.rows = [
      {
        value: "mean",
        byPopulation: byPopulation(rows, null, variable),
        difference: pair ? populationDifference(design, variable, pair) : null,
      },
    ];
  } else {
    section.keywords = keywordRankings(design, data, id, populations);
    section.uncoded = populations.filter(
      (population) => !section.keywords.some((ranking) => ranking.population === population),
    );
  }
  return section;
}

function maxShare(row: ValueRow): number {
  return Math.max(...Object.values(row.byPopulation).map((estimate) => estimate?.estimate ?? 0));
}

function siteBreakdown(
  design: Design,
  populations: string[],
  values: string[],
  indicator: string,
  value: string | null,
): SiteBreakdown {
  const frame = design.frame;
  const levelsName = indicatorAsLevels(design, indicator);
  const proportions = svyProportions(design, levelsName, { by: "site", ci: "logit" });
  const bases = basesBy(frame, "site", indicator);
  const rows: SiteRow[] = [];
  const tests: SiteBreakdown["tests"] = [];
  for (const population of populations) {
    const sites = categorical(frame, `site@${population}`).levels;
    const own = proportions.filter(
      (row) => row.level === "1" && row.domain?.site.startsWith(`${population}/`),
    );
    if (own.length < 2) continue;
    for (const site of sites) {
      const level = `${population}/${site}`;
      const row = proportions.find(
        (candidate) => candidate.domain?.site === level && candidate.level === "1",
      );
      if (row) rows.push({ population, site, estimate: toEstimate(row, bases.get(level) ?? 0) });
    }
    const test = raoScott(design, `site@${population}`, levelsName);
    tests.push({ population, value, f: test.value, df: [test.df[0], test.df[1]], p: test.p });
  }
  return { values, rows, tests };
}

/** A 0/1 column seen as the levels "0" and "1", so svyProportions gives the share of "1" with its interval. */
function indicatorAsLevels(design: Design, indicator: string): string {
  const name = `lv:${indicator}`;
  const frame = design.frame;
  if (frame.columns.has(name)) return name;
  const source = frame.columns.get(indicator);
  if (source?.kind !== "numeric") throw new RangeError(`${indicator} is not numeric`);
  const codes = columnArray(Int32Array, frame.n);
  for (let i = 0; i < frame.n; i++)
    codes[i] = Number.isNaN(source.values[i]) ? -1 : source.values[i] === 1 ? 1 : 0;
  frame.columns.set(name, { kind: "categorical", codes, levels: ["0", "1"] });
  return name;
}

function rankingResults(
  design: Design,
  info: ConceptInfo,
  populations: string[],
): { items: RankingItem[]; leaders: RankingLeader[] } {
  const frame = design.frame;
  const id = info.concept.id;
  const items = info.values.map((value) => `q:${id}:${value}`);
  const summary = rankingSummary(design, items, { by: "population" });
  const firstName = `first:${id}`;
  if (!frame.columns.has(firstName)) {
    const codes = columnArray(Int32Array, frame.n).fill(-1);
    items.forEach((item, k) => {
      const column = frame.columns.get(item);
      if (column?.kind !== "numeric") return;
      for (let i = 0; i < frame.n; i++) if (column.values[i] === 1) codes[i] = k;
    });
    frame.columns.set(firstName, { kind: "categorical", codes, levels: info.values });
  }
  const firstShares = svyProportions(design, firstName, { by: "population", ci: "logit" });
  const bases = basesBy(frame, "population", firstName);
  const rows: RankingItem[] = info.values.map((item, k) => {
    const byPopulation: RankingItem["byPopulation"] = {};
    for (const population of populations) {
      const mean = summary.find(
        (row) =>
          row.statistic === "meanRank" && row.level === items[k] && row.domain?.population === population,
      );
      const first = firstShares.find((row) => row.level === item && row.domain?.population === population);
      byPopulation[population] =
        mean && first
          ? {
              meanRank: toEstimate(mean, bases.get(population) ?? 0),
              shareFirst: toEstimate(first, bases.get(population) ?? 0),
            }
          : null;
    }
    return { item, byPopulation };
  });
  const bySite = svyProportions(design, firstName, { by: "site", ci: "logit" });
  const siteBases = basesBy(frame, "site", firstName);
  const leaders: RankingLeader[] = [];
  const siteLevels = [...new Set(bySite.map((row) => row.domain?.site ?? ""))];
  for (const level of siteLevels) {
    const [population, site] = [level.slice(0, level.indexOf("/")), level.slice(level.indexOf("/") + 1)];
    if (!populations.includes(population)) continue;
    const best = bySite
      .filter((row) => row.domain?.site === level)
      .sort((a, b) => b.estimate - a.estimate)[0];
    if (best)
      leaders.push({
        population,
        site,
        item: best.level ?? "",
        share: toEstimate(best, siteBases.get(level) ?? 0),
      });
  }
  return { items: rows, leaders };
}

function keywordRankings(
  design: Design,
  data: ReportData,
  concept: string,
  populations: string[],
): KeywordRanking[] {
  const rankings: KeywordRanking[] = [];
  for (const population of populations) {
    const open = data.open.find(
      (candidate) => candidate.population === population && candidate.concept === concept,
    );
    if (!open) continue;
    const answered = open.coded.filter((answer) => answer.codes.length > 0).length;
    if (answered === 0) {
      rankings.push({ population, answered, rows: [] });
      continue;
    }
    const shares = codeShares(design, open.codebook, open.coded, { path: `report.${concept}` });
    const rows = shares
      .filter((row) => row.kind === "code" && row.code !== "other" && row.code !== "none")
      .sort((a, b) => b.estimate - a.estimate)
      .slice(0, KEYWORDS_SHOWN)
      .map((row) => ({
        code: row.code,
        label: row.label,
        kind: row.kind,
        estimate: toEstimate(row, answered),
      }));
    rankings.push({ population, answered, rows });
  }
  return rankings;
}
