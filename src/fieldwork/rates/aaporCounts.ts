import { type Disposition, dispositions } from "../dispositions.ts";

/**
 * Case counts in AAPOR's outcome groups (Standard Definitions, 10th edition): complete (I) and partial (P)
 * interviews; eligible non-interviews: refusals and break-offs (R), non-contacts (NC), other (O); unknown
 * eligibility: unknown whether a household / eligible unit exists (UH) and unknown, other (UO); not eligible (NE).
 */
export interface AaporCounts {
  I: number;
  P: number;
  R: number;
  NC: number;
  O: number;
  UH: number;
  UO: number;
  NE: number;
}

export type AaporGroup = keyof AaporCounts;

export const aaporGroups: readonly AaporGroup[] = ["I", "P", "R", "NC", "O", "UH", "UO", "NE"];

export function emptyCounts(): AaporCounts {
  return { I: 0, P: 0, R: 0, NC: 0, O: 0, UH: 0, UO: 0, NE: 0 };
}

export function addCounts(total: AaporCounts, more: AaporCounts): AaporCounts {
  const sum = emptyCounts();
  for (const group of aaporGroups) sum[group] = total[group] + more[group];
  return sum;
}

/** The group a final disposition is counted in. Our one unknown-eligibility code (3.10) is AAPOR's UH. */
export function groupOfDisposition(disposition: Disposition): AaporGroup {
  const group = dispositions[disposition].group;
  return group === "U" ? "UH" : group;
}

/** Counts per group from counts per disposition. */
export function countsFromDispositions(
  counts: Iterable<{ disposition: Disposition; count: number }>,
): AaporCounts {
  const total = emptyCounts();
  for (const { disposition, count } of counts) total[groupOfDisposition(disposition)] += count;
  return total;
}
