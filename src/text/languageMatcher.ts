import type { PatternSet } from "./codebookTypes.ts";
import { createSpellingCorrector } from "./spellingCorrector.ts";
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

/** Slips are corrected only in words at least this long (see createSpellingCorrector). */
const correctableLength = 7;

/**
 * Compiles the patterns of one language against its tokenizer: words and stems go into hash maps,
 * phrases into lists keyed by their first stem, so matching an answer costs a few lookups per word.
 *
 * - A phrase is one idea: the words it covers do not also count on their own ("trade war" is the
 *   China–US rivalry, not trade; "medicina tradicional" is medicine, not tradition).
 * - Chinese codebook words also match inside a longer jieba word, but only as a chain of codebook words
 *   from its start or its end (足球 in 足球队, 巴西 and 足球 in 巴西足球队, 雨林 in 亚马逊雨林), and a
 *   codebook word that is the whole jieba word wins over the words inside it (热带雨林 is the
 *   rainforest, not 热带 the tropics). Never in the middle: 美国 is not in 拉美国家, nor 美人 in 拉美人.
 * - Latin-script words that match nothing are read as the codebook word one typing slip away, when
 *   there is exactly one (desarollo → desarrollo, artifical → artificial).
 */
export function compileLanguageMatcher(tokenizer: Tokenizer, entries: CodePatterns[]): LanguageMatcher {
  const chinese = tokenizer.language === "zh-cn";
  const words = new Map<string, Set<string>>();
  const stems = new Map<string, Set<string>>();
  const phrases = new Map<string, Phrase[]>();
  const phraseStems = new Set<string>();
  const regexes: Array<{ code: string; regex: RegExp }> = [];
  /** Latin script: every word the patterns name, as the tokenizer reads it (for spelling correction). */
  const forms = new Map<string, Token>();
  let longestWord = 0;
  const addTo = (index: Map<string, Set<string>>, key: string, code: string) => {
    const codes = index.get(key) ?? new Set<string>();
    codes.add(code);
    index.set(key, codes);
  };
  const remember = (tokens: Token[]) => {
    if (!chinese) for (const token of tokens) if (!token.stop) forms.set(token.text, token);
  };
  const addPhrase = (code: string, phraseTokens: Token[]) => {
    remember(phraseTokens);
    const content = phraseTokens.filter((token) => !token.stop).map((token) => token.stem);
    if (content.length === 0) return;
    for (const stem of content) phraseStems.add(stem);
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
      } else if (wordTokens.length === 1) {
        addTo(words, wordTokens[0].text, code);
        remember(wordTokens);
      } else addPhrase(code, wordTokens);
    }
    for (const stem of patterns.stems ?? []) {
      const stemTokens = tokenizer.tokens(stem);
      if (stemTokens.length === 1) {
        addTo(stems, stemTokens[0].stem, code);
        remember(stemTokens);
      } else addPhrase(code, stemTokens);
    }
    for (const phrase of patterns.phrases ?? []) addPhrase(code, tokenizer.tokens(phrase));
    for (const source of patterns.regex ?? []) regexes.push({ code, regex: new RegExp(source, "u") });
  }

  const addAll = (codes: Set<string> | undefined, found: Set<string>) => {
    if (codes) for (const code of codes) found.add(code);
  };
  const longestFrom = (word: string, start: number): number => {
    for (let length = Math.min(longestWord, word.length - start); length >= 2; length--) {
      if (words.has(word.slice(start, start + length))) return length;
    }
    return 0;
  };
  const longestBefore = (word: string, end: number, limit: number): number => {
    for (let length = Math.min(longestWord, end - limit); length >= 2; length--) {
      if (words.has(word.slice(end - length, end))) return length;
    }
    return 0;
  };
  const matchInside = (word: string, found: Set<string>) => {
    const whole = words.get(word);
    if (whole) return addAll(whole, found);
    let front = 0;
    for (let length = longestFrom(word, front); length > 0; length = longestFrom(word, front)) {
      addAll(words.get(word.slice(front, front + length)), found);
      front += length;
    }
    let back = word.length;
    for (
      let length = longestBefore(word, back, front);
      length > 0;
      length = longestBefore(word, back, front)
    ) {
      addAll(words.get(word.slice(back - length, back)), found);
      back -= length;
    }
  };

  const spelling = createSpellingCorrector(forms.keys(), correctableLength);
  const stemSpelling = createSpellingCorrector([...stems.keys(), ...phraseStems], correctableLength);
  const corrected = (token: Token): Token => {
    if (token.stop || words.has(token.text) || stems.has(token.stem) || phraseStems.has(token.stem)) {
      return token;
    }
    const form = spelling.correct(token.text);
    if (form !== null) return forms.get(form) ?? token;
    const stem = stemSpelling.correct(token.stem);
    return stem === null ? token : { ...token, stem };
  };

  return {
    match(tokens: Token[], normalized: string, found: Set<string>): void {
      const read = chinese ? tokens : tokens.map(corrected);
      const content: number[] = [];
      read.forEach((token, index) => {
        if (!token.stop) content.push(index);
      });
      let covered: Uint8Array | null = null;
      if (phrases.size > 0) {
        content.forEach((first, k) => {
          for (const phrase of phrases.get(read[first].stem) ?? []) {
            const fits = phrase.stems.every(
              (stem, j) => k + j < content.length && read[content[k + j]].stem === stem,
            );
            if (!fits) continue;
            found.add(phrase.code);
            covered ??= new Uint8Array(read.length);
            for (let j = 0; j < phrase.stems.length; j++) covered[content[k + j]] = 1;
          }
        });
      }
      read.forEach((token, index) => {
        if (covered?.[index]) return;
        if (chinese && token.text.length > 2) matchInside(token.text, found);
        else addAll(words.get(token.text), found);
        if (!token.stop) addAll(stems.get(token.stem), found);
      });
      for (const { code, regex } of regexes) if (!found.has(code) && regex.test(normalized)) found.add(code);
    },
  };
}
