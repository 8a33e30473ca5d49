import type { PatternSet } from "./codebookTypes.ts";
import type { Token, Tokenizer } from "./token.ts";

/** Finds the codes whose patterns in one language an answer matches. */
export interface LanguageMatcher {
  /** Adds to `found` the id of every code matched by the answer's tokens or normalised text. */
  match(tokens: Token[], normalized: string, found: Set<string>): void;
}

export interface CodePatterns {
  code: string;
  patterns: PatternSet;
}

interface Phrase {
  code: string;
  stems: string[];
}

/**
 * Compiles the patterns of one language against its tokenizer: words and stems go into hash maps,
 * phrases into lists keyed by their first stem, so matching an answer costs a few lookups per word.
 * Chinese words also match inside a longer jieba word (足球 in 足球队), never across word boundaries
 * (美人 does not match 拉美人, which jieba cuts 拉美 | 人).
 */
export function compileLanguageMatcher(tokenizer: Tokenizer, entries: CodePatterns[]): LanguageMatcher {
  const chinese = tokenizer.language === "zh-cn";
  const words = new Map<string, Set<string>>();
  const stems = new Map<string, Set<string>>();
  const phrases = new Map<string, Phrase[]>();
  const regexes: Array<{ code: string; regex: RegExp }> = [];
  let longestWord = 0;
  const addTo = (index: Map<string, Set<string>>, key: string, code: string) => {
    const codes = index.get(key) ?? new Set<string>();
    codes.add(code);
    index.set(key, codes);
  };
  const addPhrase = (code: string, phraseTokens: Token[]) => {
    const content = phraseTokens.filter((token) => !token.stop).map((token) => token.stem);
    if (content.length === 0) return;
    const list = phrases.get(content[0]) ?? [];
    list.push({ code, stems: content });
    phrases.set(content[0], list);
  };

  for (const { code, patterns } of entries) {
    for (const word of patterns.words ?? []) {
      const wordTokens = tokenizer.tokens(word);
      if (chinese) {
        const whole = tokenizer.normalize(word).trim();
        addTo(words, whole, code);
        longestWord = Math.max(longestWord, whole.length);
      } else if (wordTokens.length === 1) addTo(words, wordTokens[0].text, code);
      else addPhrase(code, wordTokens);
    }
    for (const stem of patterns.stems ?? []) {
      const stemTokens = tokenizer.tokens(stem);
      if (stemTokens.length === 1) addTo(stems, stemTokens[0].stem, code);
      else addPhrase(code, stemTokens);
    }
    for (const phrase of patterns.phrases ?? []) addPhrase(code, tokenizer.tokens(phrase));
    for (const source of patterns.regex ?? []) regexes.push({ code, regex: new RegExp(source, "u") });
  }

  const addAll = (codes: Set<string> | undefined, found: Set<string>) => {
    if (codes) for (const code of codes) found.add(code);
  };
  const matchInside = (word: string, found: Set<string>) => {
    for (let start = 0; start < word.length - 1; start++) {
      const end = Math.min(word.length, start + longestWord);
      for (let stop = start + 2; stop <= end; stop++) addAll(words.get(word.slice(start, stop)), found);
    }
  };

  return {
    match(tokens: Token[], normalized: string, found: Set<string>): void {
      const content: string[] = [];
      for (const token of tokens) {
        if (chinese && token.text.length > 2) matchInside(token.text, found);
        else addAll(words.get(token.text), found);
        if (!token.stop) {
          addAll(stems.get(token.stem), found);
          content.push(token.stem);
        }
      }
      if (phrases.size > 0) {
        for (let i = 0; i < content.length; i++) {
          for (const phrase of phrases.get(content[i]) ?? []) {
            if (phrase.stems.every((stem, k) => content[i + k] === stem)) found.add(phrase.code);
          }
        }
      }
      for (const { code, regex } of regexes) if (!found.has(code) && regex.test(normalized)) found.add(code);
    },
  };
}
