import type { Jieba } from "@node-rs/jieba";
import { type Codebook, NONE_CODE, OTHER_CODE } from "./codebookTypes.ts";
import { codebookVocabulary, patternsByLanguage } from "./codebookVocabulary.ts";
import { createTokenizers, type TokenizerSet } from "./createTokenizers.ts";
import { detectLanguage } from "./detectLanguage.ts";
import { type TextLanguage, textLanguages } from "./language.ts";
import { compileLanguageMatcher, type LanguageMatcher } from "./languageMatcher.ts";
import { hanParts, hasHan, withoutHan } from "./normalizeText.ts";
import { resolveLanguage } from "./resolveLanguage.ts";

export interface Answer {
  text: string;
  /** The recorded language tag; empty, null or unknown means "detect it". */
  language?: string | null;
}

export interface CodedAnswer {
  /** Code ids in codebook order; empty for a blank answer. */
  codes: string[];
  /** The language the answer was read in (null for a blank answer). */
  language: TextLanguage | null;
  /** The language was not recorded and was detected. */
  detected: boolean;
  /** No pattern matched: the answer was coded `other`. */
  uncoded: boolean;
}

export interface Coder {
  readonly codebook: Codebook;
  /** The languages answers may be in, most expected first. */
  readonly languages: TextLanguage[];
  readonly tokenizers: TokenizerSet;
  code(answer: Answer): CodedAnswer;
}

export interface CoderOptions {
  jieba: Jieba;
  /** The population's languages (default: every language the codebook has patterns for). */
  languages?: TextLanguage[];
}

/**
 * Compiles a codebook for coding. Its words are added to jieba's dictionary and kept out of the stop
 * words. An answer can carry several codes; `none` is kept only when nothing else matched, and an
 * answer nothing matched is `other`. Words of the other script count too: the English words in a
 * Chinese answer (DeepSeek, AI) are read with the English patterns, and the Chinese words in a
 * Latin-script answer with the Chinese ones.
 */
export function createCoder(codebook: Codebook, options: CoderOptions): Coder {
  const vocabulary = codebookVocabulary(codebook);
  const tokenizers = createTokenizers({ jieba: options.jieba, vocabulary });
  const byLanguage = patternsByLanguage(codebook);
  const matchers = {} as Record<TextLanguage, LanguageMatcher>;
  for (const language of textLanguages) {
    matchers[language] = compileLanguageMatcher(tokenizers[language], byLanguage[language]);
  }
  const languages = options.languages ?? textLanguages.filter((language) => byLanguage[language].length > 0);
  const order = new Map(codebook.codes.map((code, index) => [code.id, index]));

  const read = (text: string, language: TextLanguage): Set<string> => {
    const found = new Set<string>();
    const tokenizer = tokenizers[language];
    matchers[language].match(tokenizer.tokens(text), tokenizer.normalize(text), found);
    if (language === "zh-cn") {
      const latinPart = withoutHan(text);
      if (/\p{Script=Latin}/u.test(latinPart)) {
        matchers.en.match(tokenizers.en.tokens(latinPart), tokenizers.en.normalize(latinPart), found);
      }
    } else if (hasHan(text)) {
      const chinese = hanParts(text);
      matchers["zh-cn"].match(
        tokenizers["zh-cn"].tokens(chinese),
        tokenizers["zh-cn"].normalize(chinese),
        found,
      );
    }
    return found;
  };

  const finish = (found: Set<string>, language: TextLanguage, detected: boolean): CodedAnswer => {
    if (found.size > 1) found.delete(NONE_CODE);
    if (found.size === 0) return { codes: [OTHER_CODE], language, detected, uncoded: true };
    const codes = [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return { codes, language, detected, uncoded: false };
  };

  return {
    codebook,
    languages,
    tokenizers,
    code(answer: Answer): CodedAnswer {
      const text = answer.text ?? "";
      if (text.trim() === "") return { codes: [], language: null, detected: false, uncoded: false };
      const recorded = resolveLanguage(answer.language);
      if (recorded !== null) return finish(read(text, recorded), recorded, false);
      // Unrecorded: read in the likeliest language; if that codes nothing, in the next likeliest.
      const ranked = detectLanguage(text, { candidates: languages, lexicons: vocabulary });
      for (const language of ranked) {
        const found = read(text, language);
        if (found.size > 0) return finish(found, language, true);
      }
      return finish(new Set(), ranked[0] ?? languages[0], true);
    },
  };
}
