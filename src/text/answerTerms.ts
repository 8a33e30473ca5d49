import type { Token } from "./token.ts";

export interface AnswerTerm {
  /** What terms are counted by: the stem, so "tecnologías" and "tecnologia" are one term. */
  key: string;
  /** The word as written (normalised), to show the term by its commonest form. */
  form: string;
}

const hanCharacter = /\p{Script=Han}/u;
const digitsOnly = /^\p{N}+$/u;

/**
 * The content words of an answer, for distinctive terms: stop words, numbers and single Latin letters
 * left out; each term once per answer (termCounts counts respondents, not repetitions).
 */
export function answerTerms(tokens: readonly Token[]): AnswerTerm[] {
  const seen = new Set<string>();
  const terms: AnswerTerm[] = [];
  for (const token of tokens) {
    if (token.stop || digitsOnly.test(token.text)) continue;
    if (token.text.length < 2 && !hanCharacter.test(token.text)) continue;
    if (seen.has(token.stem)) continue;
    seen.add(token.stem);
    terms.push({ key: token.stem, form: token.text });
  }
  return terms;
}
