import type { CiMethod } from "./ciProportion.ts";
import type { DesignSpec } from "./designTypes.ts";
import type { EstimateRow } from "./estimates.ts";
import type { Margin } from "./postStratify.ts";

export interface CalibrationSpec {
  method: "rake" | "poststratify";
  epsilon?: number;
  maxit?: number;
  partial?: boolean;
  margins: Margin[];
}

export interface TrimSpec {
  upper?: number;
  lower?: number;
  strict?: boolean;
}

interface Base {
  id: string;
  by?: string | string[];
}

export type EstimateSpec =
  | (Base & { type: "mean" | "total"; variable: string; deff?: boolean })
  | (Base & { type: "proportion"; variable: string; deff?: boolean; ci?: CiMethod; level?: number })
  /** Share choosing each option of a select-multiple question: a group name or the 0/1 columns. */
  | (Base & { type: "multiselect"; variable?: string; variables?: string[]; ci?: CiMethod; level?: number })
  /** Mean rank and share ranking first for each item: a group name or the rank columns. */
  | (Base & { type: "ranking"; variable?: string; variables?: string[] })
  /** Share in the top levels of a scale (default: the two highest). */
  | (Base & { type: "topbox"; variable: string; levels?: string[]; ci?: CiMethod; level?: number })
  | { id: string; type: "chisq"; rows: string; cols: string; statistic?: "F" | "Chisq" }
  /** Difference between two domains: of the mean, or of the proportion in `level`. */
  | {
      id: string;
      type: "difference";
      variable: string;
      by: string;
      levels: [string, string];
      level?: string;
    };

export interface StatsSpec {
  design: DesignSpec;
  calibrate?: CalibrationSpec;
  trim?: TrimSpec;
  estimates: EstimateSpec[];
}

export interface SpecRow extends Omit<EstimateRow, "df"> {
  /** For ranking rows: "meanRank" or "shareFirst". */
  statistic?: string;
}

export type EstimateOutput =
  | { id: string; rows: SpecRow[] }
  | { id: string; statistic: "F" | "Chisq"; value: number; df: number[]; p: number }
  | {
      id: string;
      levels: [string, string];
      estimates: [number, number];
      difference: number;
      se: number;
      t: number;
      df: number;
      p: number;
    };

export interface StatsOutput {
  n: number;
  degf: number;
  calibration?: { iterations: number; converged: boolean };
  weighting: { kishDeff: number; effectiveN: number };
  estimates: EstimateOutput[];
}
