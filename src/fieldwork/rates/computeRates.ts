import { ParallaxError } from "../../errors.ts";
import type { AaporCounts } from "./aaporCounts.ts";

export const rateNames = [
  "RR1",
  "RR2",
  "RR3",
  "RR4",
  "RR5",
  "RR6",
  "COOP1",
  "COOP2",
  "COOP3",
  "COOP4",
  "REF1",
  "REF2",
  "REF3",
  "CON1",
  "CON2",
  "CON3",
] as const;

export type RateName = (typeof rateNames)[number];

export interface Rate {
  /** A proportion in [0, 1], or null when the rate cannot be computed (see `reason`). */
  value: number | null;
  formula: string;
  reason?: string;
}

export interface EligibilityEstimate {
  /** e: the estimated proportion of unknown-eligibility cases (UH + UO) that are eligible. */
  value: number | null;
  source: "given" | "estimated";
  formula?: string;
  reason?: string;
}

export interface AaporRates {
  e: EligibilityEstimate;
  rates: Record<RateName, Rate>;
}

interface Definition {
  formula: string;
  numerator(c: AaporCounts): number;
  /** `unknown` is the unknown-eligibility term: UH + UO, or e(UH + UO), or nothing, as the rate asks. */
  denominator(c: AaporCounts, unknown: number): number;
  unknownTerm: "all" | "e" | "none";
}

const interviews = (c: AaporCounts) => c.I + c.P;
const eligibleNonInterviews = (c: AaporCounts) => c.R + c.NC + c.O;
const contacted = (c: AaporCounts) => interviews(c) + c.R + c.O;
const sampled = (c: AaporCounts, unknown: number) => interviews(c) + eligibleNonInterviews(c) + unknown;

/** AAPOR Standard Definitions (10th ed.), the formulas exactly as published. */
const definitions: Record<RateName, Definition> = {
  RR1: {
    formula: "I / ((I+P) + (R+NC+O) + (UH+UO))",
    numerator: (c) => c.I,
    denominator: sampled,
    unknownTerm: "all",
  },
  RR2: {
    formula: "(I+P) / ((I+P) + (R+NC+O) + (UH+UO))",
    numerator: interviews,
    denominator: sampled,
    unknownTerm: "all",
  },
  RR3: {
    formula: "I / ((I+P) + (R+NC+O) + e(UH+UO))",
    numerator: (c) => c.I,
    denominator: sampled,
    unknownTerm: "e",
  },
  RR4: {
    formula: "(I+P) / ((I+P) + (R+NC+O) + e(UH+UO))",
    numerator: interviews,
    denominator: sampled,
    unknownTerm: "e",
  },
  RR5: {
    formula: "I / ((I+P) + (R+NC+O))",
    numerator: (c) => c.I,
    denominator: sampled,
    unknownTerm: "none",
  },
  RR6: {
    formula: "(I+P) / ((I+P) + (R+NC+O))",
    numerator: interviews,
    denominator: sampled,
    unknownTerm: "none",
  },
  COOP1: {
    formula: "I / ((I+P) + R + O)",
    numerator: (c) => c.I,
    denominator: contacted,
    unknownTerm: "none",
  },
  COOP2: {
    formula: "(I+P) / ((I+P) + R + O)",
    numerator: interviews,
    denominator: contacted,
    unknownTerm: "none",
  },
  COOP3: {
    formula: "I / ((I+P) + R)",
    numerator: (c) => c.I,
    denominator: (c) => interviews(c) + c.R,
    unknownTerm: "none",
  },
  COOP4: {
    formula: "(I+P) / ((I+P) + R)",
    numerator: interviews,
    denominator: (c) => interviews(c) + c.R,
    unknownTerm: "none",
  },
  REF1: {
    formula: "R / ((I+P) + (R+NC+O) + (UH+UO))",
    numerator: (c) => c.R,
    denominator: sampled,
    unknownTerm: "all",
  },
  REF2: {
    formula: "R / ((I+P) + (R+NC+O) + e(UH+UO))",
    numerator: (c) => c.R,
    denominator: sampled,
    unknownTerm: "e",
  },
  REF3: {
    formula: "R / ((I+P) + (R+NC+O))",
    numerator: (c) => c.R,
    denominator: sampled,
    unknownTerm: "none",
  },
  CON1: {
    formula: "((I+P) + R + O) / ((I+P) + R + O + NC + (UH+UO))",
    numerator: contacted,
    denominator: (c, unknown) => contacted(c) + c.NC + unknown,
    unknownTerm: "all",
  },
  CON2: {
    formula: "((I+P) + R + O) / ((I+P) + R + O + NC + e(UH+UO))",
    numerator: contacted,
    denominator: (c, unknown) => contacted(c) + c.NC + unknown,
    unknownTerm: "e",
  },
  CON3: {
    formula: "((I+P) + R + O) / ((I+P) + R + O + NC)",
    numerator: contacted,
    denominator: (c) => contacted(c) + c.NC,
    unknownTerm: "none",
  },
};

export const eligibilityFormula = "(I+P+R+NC+O) / (I+P+R+NC+O+NE)";

/**
 * e as AAPOR's simplest defensible estimate: the proportion eligible among the cases whose eligibility was
 * determined. Undefined when no case's eligibility was determined.
 */
export function estimateEligibility(counts: AaporCounts): EligibilityEstimate {
  const eligible = interviews(counts) + eligibleNonInterviews(counts);
  const determined = eligible + counts.NE;
  if (determined === 0) {
    return {
      value: null,
      source: "estimated",
      formula: eligibilityFormula,
      reason: "no case's eligibility was determined, so e cannot be estimated: give it with --e",
    };
  }
  return { value: eligible / determined, source: "estimated", formula: eligibilityFormula };
}

/** Every AAPOR outcome rate from the counts; `e` is estimated from them unless given. */
export function computeRates(counts: AaporCounts, options: { e?: number } = {}): AaporRates {
  for (const [group, count] of Object.entries(counts)) {
    if (!Number.isFinite(count) || count < 0) {
      throw new ParallaxError("USAGE", "Case counts must be non-negative numbers", [
        { path: group, message: `is ${count}` },
      ]);
    }
  }
  if (options.e !== undefined && !(options.e >= 0 && options.e <= 1)) {
    throw new ParallaxError("USAGE", "e is a proportion", [
      { path: "--e", message: `must be between 0 and 1, not ${options.e}` },
    ]);
  }
  const e: EligibilityEstimate =
    options.e === undefined ? estimateEligibility(counts) : { value: options.e, source: "given" };
  const unknown = counts.UH + counts.UO;
  const rates = {} as Record<RateName, Rate>;
  for (const name of rateNames) {
    const definition = definitions[name];
    rates[name] = evaluate(definition, counts, unknown, e);
  }
  return { e, rates };
}

function evaluate(
  definition: Definition,
  counts: AaporCounts,
  unknown: number,
  e: EligibilityEstimate,
): Rate {
  const { formula } = definition;
  let unknownTerm = 0;
  if (definition.unknownTerm === "all") unknownTerm = unknown;
  if (definition.unknownTerm === "e" && unknown > 0) {
    if (e.value === null) return { value: null, formula, reason: e.reason };
    unknownTerm = e.value * unknown;
  }
  const denominator = definition.denominator(counts, unknownTerm);
  if (denominator === 0) {
    return { value: null, formula, reason: "its denominator is 0: there are no cases it counts" };
  }
  return { value: definition.numerator(counts) / denominator, formula };
}
