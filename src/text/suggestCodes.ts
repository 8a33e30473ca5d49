import type { TextLanguage } from "./language.ts";
import type { Token } from "./token.ts";

export interface UncodedAnswer {
  text: string;
  language: TextLanguage;
  tokens: Token[];
}

export interface Suggestion {
  language: TextLanguage;
  /** A word (its commonest written form) or a two-word phrase. */
  term: string;
  kind: "word" | "phrase";
  /** How many uncoded answers contain it. */
  answers: number;
  examples: string[];
}

export interface SuggestOptions {
  /** Suggestions per language (default 10). */
  limit?: number;
  /** Fewest answers a term must appear in (default 2). */
  minAnswers?: number;
  /** Example answers per suggestion (default 2). */
  examples?: number;
}

interface Tally {
  answers: number;
  forms: Map<string, number>;
  examples: string[];
}

/**
 * Candidate new codes: the words and two-word phrases that recur across answers no code matched,
 * counted once per answer, per language, with example answers. Words are grouped by stem and shown in
 * their commonest form; stop words are left out.
 */
export function suggestCodes(uncoded: UncodedAnswer[], options: SuggestOptions = {}): Suggestion[] {
  const limit = options.limit ?? 10;
  const minAnswers = options.minAnswers ?? 2;
  const exampleCount = options.examples ?? 2;
  const tallies = new Map<TextLanguage, Map<string, Tally & { kind: "word" | "phrase" }>>();
  for (const answer of uncoded) {
    const byTerm = tallies.get(answer.language) ?? new Map();
    tallies.set(answer.language, byTerm);
    const content = answer.tokens.filter((token) => !token.stop && token.text.length > 1);
    const seen = new Set<string>();
    const count = (key: string, form: string, kind: "word" | "phrase") => {
      if (seen.has(key)) return;
      seen.add(key);
      const tally = byTerm.get(key) ?? { answers: 0, forms: new Map<string, number>(), examples: [], kind };
      tally.answers++;
      tally.forms.set(form, (tally.forms.get(form) ?? 0) + 1);
      if (tally.examples.length < exampleCount) tally.examples.push(answer.text);
      byTerm.set(key, tally);
    };
    const separator = answer.language === "zh-cn" ? "" : " ";
    content.forEach((token, index) => {
      count(`w:${token.stem}`, token.text, "word");
      const next = content[index + 1];
      if (next) count(`p:${token.stem} ${next.stem}`, `${token.text}${separator}${next.text}`, "phrase");
    });
  }
  const suggestions: Suggestion[] = [];
  for (const [language, byTerm] of tallies) {
    const ranked = [...byTerm.values()]
      .filter((tally) => tally.answers >= minAnswers)
      .map((tally) => ({
        language,
        term: commonest(tally.forms),
        kind: tally.kind,
        answers: tally.answers,
        examples: tally.examples,
      }))
      .sort((a, b) => b.answers - a.answers || a.term.localeCompare(b.term));
    suggestions.push(...ranked.slice(0, limit));
  }
  return suggestions;
}

function commonest(forms: Map<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [form, count] of forms) {
    if (count > bestCount || (count === bestCount && form < best)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
