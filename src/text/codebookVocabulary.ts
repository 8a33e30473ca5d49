import type { Codebook, PatternSet } from "./codebookTypes.ts";
import { type TextLanguage, textLanguages } from "./language.ts";
import { foldText } from "./normalizeText.ts";

/** The patterns of each language, `all` merged into every one, as (code, patterns) pairs. */
export function patternsByLanguage(
  codebook: Codebook,
): Record<TextLanguage, Array<{ code: string; patterns: PatternSet }>> {
  const result = Object.fromEntries(textLanguages.map((language) => [language, []])) as unknown as Record<
    TextLanguage,
    Array<{ code: string; patterns: PatternSet }>
  >;
  for (const code of codebook.codes) {
    for (const language of textLanguages) {
      for (const patterns of [code.patterns[language], code.patterns.all]) {
        if (patterns) result[language].push({ code: code.id, patterns });
      }
    }
  }
  return result;
}

/**
 * The words a codebook names in each language (from words, stems and phrases; not regular
 * expressions): kept whole by jieba, never dropped as stop words, and used to recognise the language of
 * an unlabelled answer.
 */
export function codebookVocabulary(codebook: Codebook): Record<TextLanguage, Set<string>> {
  const byLanguage = patternsByLanguage(codebook);
  const vocabulary = {} as Record<TextLanguage, Set<string>>;
  for (const language of textLanguages) {
    const words = new Set<string>();
    for (const { patterns } of byLanguage[language]) {
      for (const entry of [
        ...(patterns.words ?? []),
        ...(patterns.stems ?? []),
        ...(patterns.phrases ?? []),
      ]) {
        if (language === "zh-cn") words.add(entry.trim());
        else for (const word of foldText(entry).split(/[^\p{L}\p{N}]+/u)) if (word !== "") words.add(word);
      }
    }
    vocabulary[language] = words;
  }
  return vocabulary;
}
