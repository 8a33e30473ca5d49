import { createRequire } from "node:module";
import type { TextLanguage } from "./language.ts";
import { foldText } from "./normalizeText.ts";

const require = createRequire(import.meta.url);
// The package is a JSON file keyed by ISO 639-1 code; loading it is reading a dependency, not user data.
const stopwordsIso = require("stopwords-iso/stopwords-iso.json") as Record<string, string[]>;

const isoCode: Record<TextLanguage, string> = { "zh-cn": "zh", es: "es", pt: "pt", en: "en" };

/**
 * The stop words of a language, in the compared form (folded for Latin script), less the words in
 * `keep`: a codebook that names "us" (China–US) or "great" (Great Wall) keeps them as words.
 */
export function stopWords(language: TextLanguage, keep: Iterable<string> = []): Set<string> {
  const fold = language === "zh-cn" ? (word: string) => word : foldText;
  const words = new Set(stopwordsIso[isoCode[language]].map(fold));
  for (const word of keep) words.delete(fold(word));
  return words;
}
