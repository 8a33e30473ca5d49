import type { PopulationWeightingSummary } from "../weighting/weightReportData.ts";
import type { ConceptKind } from "./conceptQuestions.ts";

/** A weighted estimate with its 95% interval and the unweighted number of answers it rests on. */
export interface Estimate {
  estimate: number;
  se: number;
  ci: [number, number];
  /** Unweighted base: valid responses that answered. */
  n: number;
}

/** The difference between the first and second population (first minus second), design-based. */
export interface PopulationDifference {
  difference: number;
  se: number;
  p: number;
}

export interface ValueRow {
  value: string;
  byPopulation: Record<string, Estimate | null>;
  difference: PopulationDifference | null;
}

export interface SiteRow {
  population: string;
  site: string;
  estimate: Estimate;
}

/** Rao–Scott's second-order corrected F test of site × the share shown: do the sites differ? */
export interface SiteTest {
  population: string;
  /** What was tested: the concept's answers, or one option of a multiple choice. */
  value: string | null;
  f: number;
  df: [number, number];
  p: number;
}

/** The share giving the headline answer(s) at each site, e.g. "agree" (fully + somewhat) by country. */
export interface SiteBreakdown {
  /** The values counted, e.g. ["fully_agree", "somewhat_agree"], or one option of a multiple choice. */
  values: string[];
  rows: SiteRow[];
  tests: SiteTest[];
}

export interface RankingItem {
  item: string;
  byPopulation: Record<string, { meanRank: Estimate; shareFirst: Estimate } | null>;
}

export interface RankingLeader {
  population: string;
  site: string;
  item: string;
  share: Estimate;
}

export interface KeywordRow {
  code: string;
  label: Record<string, string>;
  kind: "code" | "net";
  estimate: Estimate;
}

export interface KeywordRanking {
  population: string;
  /** Answers coded (non-blank), unweighted. */
  answered: number;
  rows: KeywordRow[];
}

export interface ConceptSection {
  id: string;
  kind: ConceptKind;
  populations: string[];
  /** Choices or options, in questionnaire order (single, multiple); one "mean" row (numeric). */
  rows: ValueRow[];
  headline: {
    values: string[];
    byPopulation: Record<string, Estimate | null>;
    difference: PopulationDifference | null;
  } | null;
  sites: SiteBreakdown[];
  ranking: { items: RankingItem[]; leaders: RankingLeader[] } | null;
  keywords: KeywordRanking[];
  /** Populations asking an open question without a codebook. */
  uncoded: string[];
  weightingVariable: boolean;
}

export type Fact =
  | { kind: "share"; population: string; concept: string; values: string[]; estimate: Estimate }
  | {
      kind: "difference";
      concept: string;
      values: string[];
      populations: [string, string];
      estimates: [Estimate, Estimate];
      difference: PopulationDifference;
    }
  | {
      kind: "sites";
      population: string;
      concept: string;
      values: string[];
      test: SiteTest;
      highest: SiteRow;
      lowest: SiteRow;
    }
  | {
      kind: "rankedFirst";
      population: string;
      concept: string;
      item: string;
      estimate: Estimate;
      exceptions: string[];
    }
  | {
      kind: "keyword";
      population: string;
      concept: string;
      code: string;
      label: Record<string, string>;
      estimate: Estimate;
    };

export interface SiteCount {
  population: string;
  site: string;
  responses: number;
  valid: number;
  target: number | null;
}

export interface Methodology {
  populations: Array<{
    id: string;
    fieldwork: { start: string; end: string; timezone: string };
    modes: string[];
    languages: string[];
    eligibility: string | null;
    stored: number;
    screenedOut: number;
    partial: number;
    valid: number;
    /** Completes over completes and partials among eligible starters (an opt-in completion rate). */
    completionRate: number | null;
    /** Margin of error of a 50% share at 95%: t·√(0.25·deff/n) with Kish's deff of the weights. */
    marginOfError: number;
    byMode: Record<string, number>;
    byLanguage: Record<string, number>;
  }>;
  sites: SiteCount[];
  rules: Array<{ rule: string; flagged: number }>;
  weighting: PopulationWeightingSummary[];
}

export interface ReportModel {
  studyId: string;
  generatedAt: string;
  /** Share of valid responses that are simulated (paradata.simulated). */
  simulatedShare: number;
  populations: string[];
  findings: Fact[];
  methodology: Methodology;
  concepts: ConceptSection[];
}
