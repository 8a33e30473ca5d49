import type { ScreenedResponse } from "../quality/types.ts";

export const faultNames = [
  "speeder",
  "straightliner",
  "duplicate",
  "near_duplicate",
  "attention",
  "gibberish",
  "ineligible",
  "inconsistent",
  "incomplete",
] as const;

export type FaultName = (typeof faultNames)[number] | "fabricated";

/** A simulated response: the submission body plus where and by whom it was collected. */
export interface SimulatedResponse extends ScreenedResponse {
  site: string;
  status: "complete" | "screened_out";
  questionnaireVersion: string;
}

export interface Simulation {
  /** In the order they started. */
  responses: SimulatedResponse[];
  /** Every fault each response carries, the injected one first; absent for a clean response. */
  truth: Map<string, FaultName[]>;
  /** Rounds of redrawing needed to make the screen agree with the truth (exact mode), else 0. */
  redrawRounds: number;
}
