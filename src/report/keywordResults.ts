import type { AnswerTerm } from "../text/answerTerms.ts";
import { distinctiveTerms, type TermScore, termCounts } from "../text/distinctiveTerms.ts";
import type { CodeShare } from "./codeShares.ts";
import type { PopulationCodeShares } from "./openAnswerShares.ts";

export interface CodeRanking {
  population: string;
  weighted: boolean;
  answered: number;
  /** Codes by share of respondents mentioning them, highest first. */
  codes: CodeShare[];
  /** Nets, highest first. */
  nets: CodeShare[];
}

/** Ranks a population's codes (and nets) by the share of respondents mentioning them. */
export function rankCodes(shares: PopulationCodeShares): CodeRanking {
  const byShare = (a: CodeShare, b: CodeShare) => b.estimate - a.estimate || a.code.localeCompare(b.code);
  return {
    population: shares.population,
    weighted: shares.weighted,
    answered: shares.answered,
    codes: shares.shares.filter((row) => row.kind === "code").sort(byShare),
    nets: shares.shares.filter((row) => row.kind === "net").sort(byShare),
  };
}

export interface TermAnswer {
  /** The group the respondent belongs to (a population, or a site). */
  group: string;
  /** The respondent's survey weight. */
  weight: number;
  terms: AnswerTerm[];
}

/** `term` is the word as respondents wrote it most often. */
export type DistinctiveTerm = TermScore;

/**
 * The terms most distinctive of each group against all the others: weighted log-odds with an
 * informative Dirichlet prior (the pooled counts), counting the weighted respondents who used a term.
 * Only terms distinctive of the group (z > 0) are kept, at most `limit`.
 */
export function groupDistinctiveTerms(
  answers: readonly TermAnswer[],
  limit = 10,
): Record<string, DistinctiveTerm[]> {
  // A term is shown by its commonest written form, and terms shown alike are one term: Spanish and
  // Portuguese stem "tecnologia" differently, but respondents of both wrote the same word.
  const forms = new Map<string, Map<string, number>>();
  for (const answer of answers) {
    for (const term of answer.terms) {
      const counts = forms.get(term.key) ?? new Map<string, number>();
      counts.set(term.form, (counts.get(term.form) ?? 0) + 1);
      forms.set(term.key, counts);
    }
  }
  const shown = new Map(
    [...forms].map(([key, counts]) => [
      key,
      [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
    ]),
  );
  const byGroup = new Map<string, Array<{ terms: string[]; weight: number }>>();
  for (const answer of answers) {
    const list = byGroup.get(answer.group) ?? [];
    list.push({ terms: answer.terms.map((term) => shown.get(term.key) ?? term.form), weight: answer.weight });
    byGroup.set(answer.group, list);
  }
  const groups = Object.fromEntries([...byGroup].map(([group, list]) => [group, termCounts(list)]));
  return Object.fromEntries(
    Object.entries(distinctiveTerms(groups)).map(([group, scores]) => [
      group,
      scores.filter((score) => score.z > 0).slice(0, limit),
    ]),
  );
}
