import type { Jieba } from "@node-rs/jieba";
import { Converter } from "opencc-js";
import { foldText, normalizeText } from "./normalizeText.ts";
import { stopWords } from "./stopWords.ts";
import type { Token, Tokenizer } from "./token.ts";

/** Frequency given to codebook words in jieba's dictionary: high enough to keep 桑巴舞 or 拉美 whole. */
const codebookWordFrequency = 200_000;
const hasWordCharacter = /[\p{L}\p{N}]/u;
const latin = /\p{Script=Latin}/u;

export interface ChineseTokenizer extends Tokenizer {
  /** Adds words to the segmenter's dictionary so it never splits them (given in either script). */
  addWords(words: Iterable<string>): void;
}

/**
 * Chinese via jieba. Traditional characters are folded to simplified first (電動汽車 → 电动汽车), so
 * one codebook written in simplified Chinese serves both scripts. Latin-script words inside a Chinese
 * answer (DeepSeek, AI) come out lower-cased and accent-folded. The jieba instance is passed in: it is
 * costly to load, and adding words changes it for every tokenizer sharing it.
 */
export function createChineseTokenizer(jieba: Jieba): ChineseTokenizer {
  const toSimplified = Converter({ from: "t", to: "cn" });
  const stops = stopWords("zh-cn");
  const added = new Set<string>();
  // Converting costs more than cutting, and most answers are already simplified: convert only answers
  // with a character that the conversion changes on its own (remembered per character).
  const changes = new Map<string, boolean>();
  const hasTraditional = (text: string): boolean => {
    for (const character of text) {
      if (character < "\u2e80") continue;
      let changed = changes.get(character);
      if (changed === undefined) {
        changed = toSimplified(character) !== character;
        changes.set(character, changed);
      }
      if (changed) return true;
    }
    return false;
  };
  const normalize = (text: string): string => {
    const normalized = normalizeText(text);
    return hasTraditional(normalized) ? toSimplified(normalized) : normalized;
  };
  return {
    language: "zh-cn",
    normalize,
    addWords(words: Iterable<string>): void {
      const lines: string[] = [];
      for (const word of words) {
        const simplified = normalize(word).trim();
        if (simplified === "" || /\s/.test(simplified) || added.has(simplified)) continue;
        added.add(simplified);
        lines.push(`${simplified} ${codebookWordFrequency}`);
      }
      if (lines.length > 0) jieba.loadDict(Buffer.from(`${lines.join("\n")}\n`));
    },
    tokens(text: string): Token[] {
      const tokens: Token[] = [];
      for (const piece of jieba.cut(normalize(text), true)) {
        if (!hasWordCharacter.test(piece)) continue;
        const word = latin.test(piece) ? foldText(piece) : piece;
        tokens.push({ text: word, stem: word, stop: stops.has(word) });
      }
      return tokens;
    },
  };
}
