import { createRequire } from "node:module";
import type { LoadedStudy, SurveyElementJson } from "../study/types.ts";

const require = createRequire(import.meta.url);
// The package is a JSON file keyed by ISO 639-1 code; loading it is reading a dependency, not user data.
const stopwordsIso = require("stopwords-iso/stopwords-iso.json") as Record<string, string[]>;

/** Words of one language and their letter trigrams, for telling words from nonsense. */
export interface Lexicon {
  words: Set<string>;
  trigrams: Set<string>;
}

/** Lower case without diacritics: "Tecnología" → "tecnologia". */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function latinWords(text: string): string[] {
  return foldWord(text).match(/[a-z]+/g) ?? [];
}

/**
 * Builds a lexicon from the stop words of the language (stopwords-iso) and every string of the study's
 * questionnaires in that language: the questionnaire is real text in exactly the register respondents read.
 */
export function buildLexicon(study: LoadedStudy, language: string): Lexicon {
  const words = new Set<string>();
  const iso = language === "zh-cn" ? "en" : language;
  for (const word of stopwordsIso[iso] ?? []) for (const part of latinWords(word)) words.add(part);
  const key = language === "en" ? "default" : language;
  for (const questionnaire of Object.values(study.questionnaires))
    collectStrings(questionnaire.json, key, (text) => {
      for (const word of latinWords(text.replace(/<[^>]*>/g, " "))) words.add(word);
    });
  const trigrams = new Set<string>();
  for (const word of words) for (const trigram of trigramsOf(word)) trigrams.add(trigram);
  return { words, trigrams };
}

export function trigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const result: string[] = [];
  for (let index = 0; index + 3 <= padded.length; index++) result.push(padded.slice(index, index + 3));
  return result;
}

function collectStrings(value: unknown, key: string, visit: (text: string) => void): void {
  if (Array.isArray(value)) for (const item of value) collectStrings(item, key, visit);
  else if (typeof value === "object" && value !== null) {
    const record = value as SurveyElementJson;
    const text = (record as Record<string, unknown>)[key];
    if (typeof text === "string") visit(text);
    for (const child of Object.values(record))
      if (typeof child === "object") collectStrings(child, key, visit);
  }
}
