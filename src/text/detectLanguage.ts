import { francAll } from "franc-min";
import type { LatinLanguage, TextLanguage } from "./language.ts";
import { countHan, countLatinWords, foldText, normalizeText } from "./normalizeText.ts";

const francCode: Record<TextLanguage, string> = { "zh-cn": "cmn", es: "spa", pt: "por", en: "eng" };
const wordPattern = /[\p{L}\p{N}]+/gu;

/** Spellings that only one of the Latin-script study languages uses. */
const orthography: Array<{ language: LatinLanguage; pattern: RegExp }> = [
  {
    language: "pt",
    pattern: anyOf([
      "[ãõç]",
      "ção",
      "ções",
      wholeWord("não|nao|são|é|muito|muita|você|também|tecnologia|um|uma"),
    ]),
  },
  {
    language: "es",
    pattern: anyOf([
      "[ñ¿¡]",
      "ción(?!\\p{L})",
      "ías?(?!\\p{L})",
      wholeWord("y|muy|también|tecnología|está|un|una|los|las"),
    ]),
  },
  {
    language: "en",
    pattern: anyOf([wholeWord("the|and|of|with|very|is|are|a|an"), "(?<=\\p{L})(ing|tion|ss)(?!\\p{L})"]),
  },
];

function wholeWord(words: string): string {
  return `(?<!\\p{L})(?:${words})(?!\\p{L})`;
}

function anyOf(parts: string[]): RegExp {
  return new RegExp(parts.join("|"), "gu");
}

export interface DetectOptions {
  /** The languages the answer can be in (the population's), most expected first. */
  candidates: TextLanguage[];
  /** Per language, words known to be of it (a codebook's words); a word in one list only is a strong hint. */
  lexicons?: Partial<Record<TextLanguage, Set<string>>>;
}

/**
 * Ranks the candidate languages for an answer whose language was not recorded, likeliest first.
 * Answers are short ("tecnologia", "comida china"), where trigram statistics alone guess badly, so
 * franc (restricted to the candidates) is weighted by length and combined with spellings only one
 * language uses and with words only one language's lexicon knows. Han script decides by itself.
 */
export function detectLanguage(text: string, options: DetectOptions): TextLanguage[] {
  const { candidates } = options;
  const han = countHan(text);
  if (han > 0 && han >= countLatinWords(text) && candidates.includes("zh-cn")) {
    return ["zh-cn", ...candidates.filter((language) => language !== "zh-cn")];
  }
  const latin = candidates.filter((language): language is LatinLanguage => language !== "zh-cn");
  if (latin.length <= 1) return [...latin, ...candidates.filter((language) => language === "zh-cn")];
  const score = new Map<LatinLanguage, number>(latin.map((language) => [language, 0]));

  const lower = normalizeText(text);
  for (const { language, pattern } of orthography) {
    if (score.has(language))
      score.set(language, (score.get(language) ?? 0) + 1.5 * countMatches(lower, pattern));
  }
  const words = Array.from(foldText(text).matchAll(wordPattern), (match) => match[0]);
  for (const word of words) {
    const knownBy = latin.filter((language) => options.lexicons?.[language]?.has(word));
    if (knownBy.length === 1) score.set(knownBy[0], (score.get(knownBy[0]) ?? 0) + 1);
  }
  const weight = Math.min(1, text.length / 60) * 3;
  const byScore = () => [...latin].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0));
  const [first, second] = byScore();
  // franc adds at most `weight` to a language (likeness ≤ 1): when spellings and words already lead by
  // more, it cannot change the likeliest language, and skipping it is most of the time of detection.
  if ((score.get(first) ?? 0) - (score.get(second) ?? 0) <= weight) {
    const only = latin.map((language) => francCode[language]);
    for (const [code, likeness] of francAll(text, { only, minLength: 1 })) {
      const language = latin.find((candidate) => francCode[candidate] === code);
      if (language) score.set(language, (score.get(language) ?? 0) + weight * likeness);
    }
  }
  const ranked = byScore();
  return [...ranked, ...candidates.filter((language) => language === "zh-cn")];
}

function countMatches(text: string, pattern: RegExp): number {
  return Array.from(text.matchAll(pattern)).length;
}
