import { type ErrorDetail, ParallaxError } from "../errors.ts";
import { checkCodebook } from "./checkCodebook.ts";
import type { Codebook, PatternSet } from "./codebookTypes.ts";
import type { TextLanguage } from "./language.ts";

/** Parses a codebook's JSON text; every problem is reported at once, each at `<file> <JSON path>`. */
export function parseCodebook(text: string, file: string): Codebook {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ParallaxError("CODEBOOK_INVALID", `${file} is not valid JSON`, [
      { path: file, message: (error as Error).message },
    ]);
  }
  return codebookFromValue(value, file);
}

/** Checks an already-parsed value (JSON or a converted workbook) and returns it as a codebook. */
export function codebookFromValue(value: unknown, file: string): Codebook {
  const { codebook, problems } = checkCodebook(value);
  if (codebook === null) {
    throw new ParallaxError(
      "CODEBOOK_INVALID",
      `${file} is not a valid codebook`,
      problems.map((problem) => ({ path: `${file} ${problem.path}`, message: problem.message })),
    );
  }
  return codebook;
}

export interface CodebookCoverage {
  /** Every code and net needs a label in each of these (the study's languages). */
  labelLanguages: string[];
  /** Answers come in these languages (the population's): each needs patterns. */
  answerLanguages: TextLanguage[];
}

/** What a valid codebook still lacks for a study: labels in a study language, patterns for a language. */
export function checkCodebookCoverage(codebook: Codebook, coverage: CodebookCoverage): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const labelled = [
    ...codebook.codes.map((code, index) => ({ item: code, path: `$.codes[${index}]` })),
    ...codebook.nets.map((net, index) => ({ item: net, path: `$.nets[${index}]` })),
  ];
  for (const { item, path } of labelled) {
    for (const language of coverage.labelLanguages) {
      if (!item.label[language])
        problems.push({ path: `${path}.label`, message: `has no ${language} label` });
    }
  }
  for (const language of coverage.answerLanguages) {
    const covered = codebook.codes.some(
      (code) => hasPatterns(code.patterns[language]) || hasPatterns(code.patterns.all),
    );
    if (!covered) problems.push({ path: "$.codes", message: `no code has patterns for ${language} answers` });
  }
  return problems;
}

function hasPatterns(set: PatternSet | undefined): boolean {
  return set !== undefined && Object.values(set).some((list) => Array.isArray(list) && list.length > 0);
}
