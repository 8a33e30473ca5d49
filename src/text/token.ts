import type { TextLanguage } from "./language.ts";

/** One word of an answer. */
export interface Token {
  /** Normalised form: NFKC, lower case; accent-folded for Latin script, simplified for Chinese. */
  text: string;
  /** Snowball stem of `text` (Latin script); the word itself for Chinese. */
  stem: string;
  /** A function word (stopwords-iso) that carries no idea of its own. */
  stop: boolean;
}

export interface Tokenizer {
  readonly language: TextLanguage;
  /** Every word, in order, with its stem and whether it is a stop word. */
  tokens(text: string): Token[];
  /** The text as regular-expression patterns see it (same normalisation as the tokens). */
  normalize(text: string): string;
}
