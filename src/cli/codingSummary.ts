import type { CodedAnswer, Coder } from "../text/createCoder.ts";
import { type Suggestion, suggestCodes, type UncodedAnswer } from "../text/suggestCodes.ts";

export interface CodingSummary {
  /** Non-blank answers coded. */
  answers: number;
  blank: number;
  /** Answers no pattern matched (coded `other`). */
  uncoded: number;
  /** uncoded / answers (0 when there are no answers). */
  uncodedShare: number;
  /** Answers whose language was not recorded and was detected. */
  detected: number;
  suggestions: Suggestion[];
}

/** Collects the coder's results: how many were left uncoded, and candidate codes from those answers. */
export function codingSummary(
  coder: Coder,
  texts: readonly string[],
  results: readonly CodedAnswer[],
): CodingSummary {
  const uncodedAnswers: UncodedAnswer[] = [];
  results.forEach((coded, index) => {
    if (coded.uncoded && coded.language !== null) {
      const text = texts[index];
      uncodedAnswers.push({
        text,
        language: coded.language,
        tokens: coder.tokenizers[coded.language].tokens(text),
      });
    }
  });
  const answered = results.filter((result) => result.language !== null);
  const uncoded = uncodedAnswers.length;
  return {
    answers: answered.length,
    blank: results.length - answered.length,
    uncoded,
    uncodedShare: answered.length === 0 ? 0 : uncoded / answered.length,
    detected: answered.filter((result) => result.detected).length,
    suggestions: suggestCodes(uncodedAnswers),
  };
}

/** The summary as the lines `parallax code` writes to standard error. */
export function codingSummaryText(summary: CodingSummary, file: string, into: string | undefined): string {
  const lines = [
    `Coded ${summary.answers} answers with ${file} (${summary.blank} blank, ${summary.detected} with the language detected)${into ? ` into ${into}` : ""}.`,
    `Uncoded (other): ${summary.uncoded} of ${summary.answers} answers, ${(100 * summary.uncodedShare).toFixed(1)}%.`,
  ];
  if (summary.suggestions.length > 0) {
    lines.push("Frequent words and phrases in uncoded answers (candidate codes):");
    for (const suggestion of summary.suggestions) {
      const examples = suggestion.examples.map((example) => JSON.stringify(example)).join(", ");
      lines.push(
        `  [${suggestion.language}] ${suggestion.term} — ${suggestion.answers} answers, e.g. ${examples}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
