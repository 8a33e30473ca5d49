import { newStemmer } from "snowball-stemmers";
import type { LatinLanguage } from "./language.ts";
import { foldText } from "./normalizeText.ts";
import { stopWords } from "./stopWords.ts";
import type { Token, Tokenizer } from "./token.ts";

const algorithm: Record<LatinLanguage, string> = { es: "spanish", pt: "portuguese", en: "english" };
const wordPattern = /[\p{L}\p{N}]+/gu;

export interface LatinTokenizerOptions {
  /** Words never dropped as stop words (the codebook's own words). */
  keep?: Iterable<string>;
}

/**
 * Spanish, Portuguese and English: NFKC, lower case, accent folding, then a Snowball stem of the folded
 * word. Stemming the folded form (not the accented one) makes "tecnología" and "tecnologia" share a
 * stem, since respondents often omit accents; codebook stems go through the same steps.
 */
export function createLatinTokenizer(
  language: LatinLanguage,
  options: LatinTokenizerOptions = {},
): Tokenizer {
  const stemmer = newStemmer(algorithm[language]);
  const stops = stopWords(language, options.keep);
  const stems = new Map<string, string>();
  const stemOf = (word: string): string => {
    let stem = stems.get(word);
    if (stem === undefined) {
      stem = /^\d+$/.test(word) ? word : stemmer.stem(word);
      stems.set(word, stem);
    }
    return stem;
  };
  return {
    language,
    normalize: foldText,
    tokens(text: string): Token[] {
      const folded = foldText(text);
      const tokens: Token[] = [];
      for (const match of folded.matchAll(wordPattern)) {
        const word = match[0];
        tokens.push({ text: word, stem: stemOf(word), stop: stops.has(word) });
      }
      return tokens;
    },
  };
}
