import type { Jieba } from "@node-rs/jieba";
import { createChineseTokenizer } from "./chineseTokenizer.ts";
import type { LatinLanguage, TextLanguage } from "./language.ts";
import { createLatinTokenizer } from "./latinTokenizer.ts";
import type { Tokenizer } from "./token.ts";

export interface TokenizerSetOptions {
  jieba: Jieba;
  /** Per language, words to keep whole: added to jieba's dictionary, or never dropped as stop words. */
  vocabulary?: Partial<Record<TextLanguage, Iterable<string>>>;
}

export type TokenizerSet = Record<TextLanguage, Tokenizer>;

/** One tokenizer per study language, sharing the given jieba instance. */
export function createTokenizers(options: TokenizerSetOptions): TokenizerSet {
  const chinese = createChineseTokenizer(options.jieba);
  chinese.addWords(options.vocabulary?.["zh-cn"] ?? []);
  const latin = (language: LatinLanguage) =>
    createLatinTokenizer(language, { keep: options.vocabulary?.[language] ?? [] });
  return { "zh-cn": chinese, es: latin("es"), pt: latin("pt"), en: latin("en") };
}
