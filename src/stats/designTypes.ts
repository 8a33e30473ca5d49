import type { Frame } from "./frame.ts";

export type LonelyPsu = "fail" | "remove" | "certainty" | "adjust" | "average";

/** Column names, as `svydesign` takes them. Every key is optional. */
export interface DesignSpec {
  weights?: string;
  strata?: string;
  /** One column per sampling stage (at most two); none means every row is its own PSU. */
  ids?: string[];
  /** Per stage: population sizes (all >= 1) or sampling fractions (all <= 1), as `svydesign` reads them. */
  fpc?: string[];
  /** PSU ids are reused across strata (svydesign's nest = TRUE). */
  nest?: boolean;
  lonelyPsu?: LonelyPsu;
}

/** The second sampling stage: secondary units nested in PSUs, with their own population sizes. */
export interface SecondStage {
  ssu: Int32Array;
  nSsu: number;
  /** Sampled SSUs per PSU. */
  ssuPerPsu: Int32Array;
  /** Population SSUs per PSU. */
  popsize: Float64Array;
}

/** Post-stratification, recorded as svyrecvar needs it to take residuals. */
export interface PostStratStep {
  kind: "poststratify";
  cell: Int32Array;
  nCells: number;
  oldWeights: Float64Array;
  newWeights: Float64Array;
}

/** Raking, recorded by joint cell of the raking variables (every weight factor is constant on a cell). */
export interface RakeStep {
  kind: "rake";
  cell: Int32Array;
  nCells: number;
  /** Weights before raking. */
  baseWeights: Float64Array;
  /** Per margin: the level of each cell. */
  cellLevels: Int32Array[];
  nLevels: number[];
  /** Per margin: the cumulative factor of each cell after that margin's step in the last pass. */
  cellFactors: Float64Array[];
  /** Rows per cell. */
  cellCounts: Float64Array;
}

export type CalibrationStep = PostStratStep | RakeStep;

export interface Design {
  frame: Frame;
  n: number;
  /** Analysis weights (1/prob); zero outside a subset. */
  weights: Float64Array;
  stratum: Int32Array;
  nStrata: number;
  strataLabels: string[];
  psu: Int32Array;
  nPsu: number;
  psuStratum: Int32Array;
  psuPerStratum: Int32Array;
  /** Population PSUs per stratum, or null without fpc. */
  popsize: Float64Array | null;
  secondStage: SecondStage | null;
  lonelyPsu: LonelyPsu;
  calibration: CalibrationStep[];
}
