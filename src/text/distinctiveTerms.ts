/** Term counts of one group: term → (weighted) number of answers using it. */
export type TermCounts = Map<string, number>;

export interface TermScore {
  term: string;
  /** Count in the group and in the comparison (the other group, or all others pooled). */
  count: number;
  otherCount: number;
  /** Log-odds ratio with the prior, group against comparison (Monroe et al. 2008, eq. 16). */
  delta: number;
  /** Its approximate variance, 1/(y_group + α) + 1/(y_other + α) (eq. 20). */
  variance: number;
  /** delta / sqrt(variance): above 1.96 the term is distinctive of the group at the 5% level. */
  z: number;
}

export interface LogOddsOptions {
  /** Background counts giving the prior's shape (default: both groups pooled). */
  background?: TermCounts;
  /** α0, the prior's total pseudo-count (default: the background's own total, i.e. its counts as they are). */
  priorStrength?: number;
}

/**
 * "Fightin' Words" (Monroe, Colaresi & Quinn 2008): the weighted log-odds ratio of each term between
 * two groups, with an informative Dirichlet prior α_w = α0 · background_w / Σ background, and its z-score.
 * Sorted by z, most distinctive of `group` first (negative z: distinctive of `other`).
 */
export function logOddsDirichlet(
  group: TermCounts,
  other: TermCounts,
  options: LogOddsOptions = {},
): TermScore[] {
  const background = options.background ?? pooled([group, other]);
  const backgroundTotal = sum(background);
  const alpha0 = options.priorStrength ?? backgroundTotal;
  const nGroup = sum(group);
  const nOther = sum(other);
  const scores: TermScore[] = [];
  for (const term of new Set([...group.keys(), ...other.keys()])) {
    const alpha = backgroundTotal === 0 ? 0 : (alpha0 * (background.get(term) ?? 0)) / backgroundTotal;
    const y1 = group.get(term) ?? 0;
    const y2 = other.get(term) ?? 0;
    if (alpha <= 0) continue; // a term the prior gives no mass to has no defined log-odds
    const delta =
      Math.log((y1 + alpha) / (nGroup + alpha0 - y1 - alpha)) -
      Math.log((y2 + alpha) / (nOther + alpha0 - y2 - alpha));
    const variance = 1 / (y1 + alpha) + 1 / (y2 + alpha);
    scores.push({ term, count: y1, otherCount: y2, delta, variance, z: delta / Math.sqrt(variance) });
  }
  return scores.sort((a, b) => b.z - a.z || a.term.localeCompare(b.term));
}

/** Each group against all the others pooled: the distinctive terms of every group. */
export function distinctiveTerms(
  groups: Record<string, TermCounts>,
  options: LogOddsOptions = {},
): Record<string, TermScore[]> {
  const names = Object.keys(groups);
  const background = options.background ?? pooled(Object.values(groups));
  const result: Record<string, TermScore[]> = {};
  for (const name of names) {
    const rest = pooled(names.filter((other) => other !== name).map((other) => groups[other]));
    result[name] = logOddsDirichlet(groups[name], rest, { ...options, background });
  }
  return result;
}

/**
 * Counts each term once per answer, times the answer's weight (default 1): the weighted number of
 * respondents using a term, not how often it was typed.
 */
export function termCounts(answers: Iterable<{ terms: Iterable<string>; weight?: number }>): TermCounts {
  const counts: TermCounts = new Map();
  for (const answer of answers) {
    const weight = answer.weight ?? 1;
    for (const term of new Set(answer.terms)) counts.set(term, (counts.get(term) ?? 0) + weight);
  }
  return counts;
}

function pooled(groups: TermCounts[]): TermCounts {
  const total: TermCounts = new Map();
  for (const counts of groups)
    for (const [term, count] of counts) total.set(term, (total.get(term) ?? 0) + count);
  return total;
}

function sum(counts: TermCounts): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}
